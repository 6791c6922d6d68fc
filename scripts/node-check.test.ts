import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const CHECK = path.join(ROOT, "scripts/node-check.cjs");
const scripts = (
  JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  }
).scripts;
// The machines here ship an older Node beside the project's own: the check is tried on it when it is there.
const SYSTEM_NODE = "/usr/bin/node";
const systemMajor = fs.existsSync(SYSTEM_NODE)
  ? Number(spawnSync(SYSTEM_NODE, ["-p", "process.versions.node.split('.')[0]"], { encoding: "utf8" }).stdout)
  : 0;

describe("the Node check before every command", () => {
  it("passes silently on this Node", () => {
    const run = spawnSync(process.execPath, [CHECK], { encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stdout + run.stderr).toBe("");
  });

  it.runIf(systemMajor > 0 && systemMajor < 22)(
    `stops an older Node (${SYSTEM_NODE}) with one line naming the version needed and how to get it`,
    () => {
      const run = spawnSync(SYSTEM_NODE, [CHECK], { encoding: "utf8" });
      expect(run.status).toBe(1);
      const lines = run.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/needs Node 22\.12 or newer; this is Node 2\d\./);
      expect(lines[0]).toContain("nvm install");
      expect(lines[0]).toContain("node@22");
    },
  );

  it("runs first in every script that does not only call other scripts", () => {
    const composite = (command: string) =>
      command
        .split("&&")
        .every((step) => /^\s*npm (run|install)\b/.test(step) || /^\s*next build\s*$/.test(step));
    for (const [name, command] of Object.entries(scripts)) {
      if (composite(command)) continue;
      expect(command.startsWith("node scripts/node-check.cjs && "), `${name}: ${command}`).toBe(true);
    }
  });
});
