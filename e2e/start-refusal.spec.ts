import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

// Uses the production build the e2e web server made; each case starts its own `next start` that must refuse.
type Outcome = { code: number | null; output: string; ms: number };

function startServer(env: Record<string, string>, port: number): Promise<Outcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], {
      env: { ...process.env, LOG_LEVEL: "fatal", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: Date.now() - started });
    });
  });
}

function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), "start-refusal-"));
}

test.describe("the server refuses to start", () => {
  test.describe.configure({ mode: "serial" });
  const port = Number(process.env.E2E_PORT ?? 3210) + 50;

  test("with a broken persona file: names the file, the field and the reason", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "broken.md"), "---\nid: broken\nname: Broken\n---\nbody\n");
    const result = await startServer(
      { PERSONAS_DIR: dir, DATABASE_PATH: path.join(tempDir(), "a.db") },
      port,
    );
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(result.output).toContain("Cannot start");
    expect(result.output).toContain("broken.md");
    expect(result.output).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  test("with an unusable database path: names DATABASE_PATH", async () => {
    const file = path.join(tempDir(), "not-a-dir");
    fs.writeFileSync(file, "x");
    const result = await startServer({ DATABASE_PATH: path.join(file, "db", "x.db") }, port + 1);
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(result.output).toContain("DATABASE_PATH");
    expect(result.output).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  test("with an invalid setting: names the setting", async () => {
    const result = await startServer(
      { SESSION_MAX_AGE_DAYS: "400", DATABASE_PATH: path.join(tempDir(), "b.db") },
      port + 2,
    );
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(result.output).toContain("SESSION_MAX_AGE_DAYS");
    expect(result.output).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});
