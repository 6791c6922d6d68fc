import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tinyGguf } from "@/testing/tiny-gguf";

// The command itself, as a person runs it, against a model server on loopback.
const model = tinyGguf({ seed: 3 });
const sha = createHash("sha256").update(model).digest("hex");
let server: http.Server;
let base: string;
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pm-model-pull-"));
  server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-length": String(model.length) });
    res.end(model);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs `npm run model:pull -- args` with the data directory in the test's folder. */
function pull(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(
    "npx",
    ["tsx", "--conditions=react-server", "--tsconfig", "tsconfig.json", "scripts/model-pull.ts", ...args],
    {
      env: {
        ...process.env,
        DATABASE_URL: "",
        DATABASE_PATH: path.join(dir, "app.db"),
        LOCAL_MODEL_PATH: "",
      },
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on("close", (status) => resolve({ status, stdout, stderr })));
}

describe("npm run model:pull", () => {
  it("refuses a file whose checksum is not the one given, leaving nothing, exit 1 without a stack", async () => {
    const result = await pull([`${base}/other.gguf`, "--sha256", "a".repeat(64)]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/error: Checksum mismatch/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(fs.readdirSync(path.join(dir, "models"))).toEqual([]);
  }, 120_000);

  it("fetches a model with progress and says how to chat with it", async () => {
    const result = await pull([`${base}/other.gguf`, "--sha256", sha]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/100%/);
    const file = path.join(dir, "models", "other.gguf");
    expect(result.stdout).toContain(`LOCAL_MODEL_PATH=${file}`);
    expect(fs.readFileSync(file).equals(model)).toBe(true);
  }, 120_000);
});
