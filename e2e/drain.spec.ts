import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { e2eDatabaseEnv } from "../testing/e2e/database";
import { readStream, statusOf, type Chunk } from "../testing/e2e/ui-stream";

// SIGTERM to a `next start` of its own (npm start's NEXT_MANUAL_SIG_HANDLE=true) while replies
// stream: during the drain new chats get a 503 (not a refused connection), each stream in flight
// gets its last event (interrupted, its text kept), and the process exits 0 within 10 s.
test.describe.configure({ mode: "serial", timeout: 120_000 });

const PORT = Number(process.env.E2E_PORT ?? 3210) + 5;
const BASE = `http://127.0.0.1:${PORT}`;
const LLM = `http://127.0.0.1:${Number(process.env.E2E_LLM_PORT ?? 3211)}/v1`;
const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");

let server: ChildProcess | undefined;
let log = "";

test.beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "drain-"));
  const onPostgres = Boolean(process.env.E2E_DATABASE_URL);
  server = spawn(process.execPath, [NEXT_BIN, "start", "-H", "127.0.0.1", "-p", String(PORT)], {
    env: {
      ...process.env,
      NEXT_MANUAL_SIG_HANDLE: "true",
      LOG_LEVEL: "info",
      ...(onPostgres ? e2eDatabaseEnv() : { DATABASE_PATH: path.join(dir, "drain.db"), DATABASE_URL: "" }),
      SITE_URL: BASE,
      CHAT_PROVIDER: "openai-compatible",
      OPENAI_COMPATIBLE_BASE_URL: LLM,
      GUEST_SESSIONS_PER_HOUR: "100000",
      GUEST_MESSAGES_PER_DAY: "100000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (d: Buffer) => (log += d.toString()));
  server.stderr!.on("data", (d: Buffer) => (log += d.toString()));
  for (let i = 0; ; i++) {
    const ok = await fetch(`${BASE}/api/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 120) throw new Error(`the drain server did not start:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
});

test.afterAll(() => {
  if (server && server.exitCode === null) server.kill("SIGKILL");
});

const chat = (message: string) =>
  fetch(`${BASE}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: BASE },
    body: JSON.stringify({ personaId: "backend-developer", message }),
  });

test("SIGTERM drains: new chats 503, streams end interrupted with their text, exit 0 within 10 s", async () => {
  const streams = await Promise.all([1, 2, 3].map((i) => chat(`drain ${i} [[slow:300]] [[long:60]]`)));
  for (const s of streams) expect(s.status).toBe(200);
  const seen: Chunk[][] = streams.map(() => []);
  let firstDelta!: () => void;
  const gotDelta = new Promise<void>((resolve) => (firstDelta = resolve));
  const reading = streams.map((s, i) =>
    readStream(s, (c) => {
      seen[i]!.push(c);
      if (c.type === "text-delta") firstDelta();
    }),
  );
  await gotDelta;

  const exited = new Promise<number | null>((resolve) => server!.once("exit", (code) => resolve(code)));
  const sent = Date.now();
  server!.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 300));

  const refused = await chat("during the drain");
  expect(refused.status).toBe(503);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("shutting_down");

  await Promise.all(reading);
  for (const chunks of seen) {
    expect(statusOf(chunks)).toBe("interrupted");
    expect(chunks.at(-1)?.type).toBe("finish");
    expect(chunks.some((c) => c.type === "text-delta")).toBe(true);
  }
  expect(await exited).toBe(0);
  const took = Date.now() - sent;
  console.info(`drain: 3 streams ended interrupted, process exited ${took} ms after SIGTERM`);
  expect(took).toBeLessThan(10_000);
  expect(log).toContain('"event":"server.shutdown"');
});
