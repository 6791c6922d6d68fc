import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "shutdown-"));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("clean stop", () => {
  it.each(["SIGTERM", "SIGINT"] as const)(
    "on %s: exits 0 within 10 s, leaving no -wal/-shm and every write in the file",
    async (signal) => {
      const file = path.join(dir, "app.db");
      const worker = path.resolve(import.meta.dirname, "../testing/shutdown-worker.ts");
      const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", worker], {
        cwd: path.resolve(import.meta.dirname, ".."),
        env: { ...process.env, DATABASE_PATH: file, NODE_ENV: "test" },
        stdio: ["ignore", "pipe", "inherit"],
      });
      try {
        const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
        expect((await lines.next()).value).toBe("ready");
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(fs.existsSync(`${file}-wal`)).toBe(true);

        const sent = Date.now();
        const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
        child.kill(signal);
        expect(await exited).toBe(0);
        expect(Date.now() - sent).toBeLessThan(10_000);
      } finally {
        if (child.exitCode === null) child.kill("SIGKILL");
      }

      expect(fs.existsSync(`${file}-wal`)).toBe(false);
      expect(fs.existsSync(`${file}-shm`)).toBe(false);
      const copy = new Database(file, { readonly: true });
      try {
        const { c } = copy.prepare("SELECT count(*) AS c FROM users").get() as { c: number };
        expect(c).toBeGreaterThan(1);
      } finally {
        copy.close();
      }
    },
    20_000,
  );
});
