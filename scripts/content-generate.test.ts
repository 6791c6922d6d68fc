import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadPersonaDir } from "../lib/personas/load";
import { runGenerate } from "./generate/cli";
import { generatePersonaFiles } from "./generate/personas";

let dir: string;
const lines: string[] = [];
const io = { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l) };

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "content-generate-"));
  lines.length = 0;
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("content:generate", () => {
  it("writes personas that pass every content check", () => {
    const out = path.join(dir, "personas");
    expect(runGenerate(["--count", "30", "--out", out, "--seed", "test"], io)).toBe(0);

    const { personas, problems } = loadPersonaDir(out);
    expect(problems).toEqual([]);
    expect(personas).toHaveLength(30);
    expect(new Set(personas.map((p) => p.tier))).toEqual(new Set(["free", "pro", "max"]));
    expect(personas.some((p) => p.worksWellWith.length > 0)).toBe(true);
    for (const p of personas) expect(p.body.split(/\s+/).length).toBeGreaterThan(550);
  });

  it("is deterministic for a seed and differs between seeds", () => {
    const a = generatePersonaFiles({ count: 20, seed: "one" });
    expect(generatePersonaFiles({ count: 20, seed: "one" })).toEqual(a);
    expect(generatePersonaFiles({ count: 20, seed: "two" })).not.toEqual(a);
  });

  it("rejects bad arguments with exit code 2 and the usage text", () => {
    for (const argv of [
      [],
      ["--count", "ten", "--out", dir],
      ["--count", "0", "--out", dir],
      ["--count", "5"],
      ["--count", "5", "--out", dir, "--nope"],
    ]) {
      lines.length = 0;
      expect(runGenerate(argv, io)).toBe(2);
      expect(lines.join("\n")).toContain("Usage: npm run content:generate");
    }
  });

  it("refuses a non-empty directory unless --force, which replaces its persona files", () => {
    fs.writeFileSync(path.join(dir, "old.md"), "stale");
    expect(runGenerate(["--count", "3", "--out", dir], io)).toBe(1);
    expect(lines.join("\n")).toMatch(/not empty.*--force/);

    expect(runGenerate(["--count", "3", "--out", dir, "--force"], io)).toBe(0);
    expect(fs.existsSync(path.join(dir, "old.md"))).toBe(false);
    expect(loadPersonaDir(dir).personas).toHaveLength(3);
  });
});
