import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { readStream } from "../testing/e2e/ui-stream";

// A server of its own, its every log line kept: the run uses secrets and user text (a password, a
// chat message, an API key put in a path, a share token, a callback URL) and none may appear in
// any line of the log, at any level.
test.describe.configure({ mode: "serial", timeout: 120_000 });

const PORT = Number(process.env.E2E_PORT ?? 3210) + 6;
const BASE = `http://127.0.0.1:${PORT}`;
const LLM = `http://127.0.0.1:${Number(process.env.E2E_LLM_PORT ?? 3211)}/v1`;
const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");
const secret = (label: string) => `${label}${randomBytes(12).toString("hex")}`;

let server: ChildProcess | undefined;
let log = "";

test.beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "log-secrets-"));
  server = spawn(process.execPath, [NEXT_BIN, "start", "-H", "127.0.0.1", "-p", String(PORT)], {
    env: {
      ...process.env,
      NEXT_MANUAL_SIG_HANDLE: "true",
      LOG_LEVEL: "trace",
      DATABASE_PATH: path.join(dir, "logs.db"),
      DATABASE_URL: "",
      SITE_URL: BASE,
      CHAT_PROVIDER: "openai-compatible",
      OPENAI_COMPATIBLE_BASE_URL: LLM,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (d: Buffer) => (log += d.toString()));
  server.stderr!.on("data", (d: Buffer) => (log += d.toString()));
  for (let i = 0; ; i++) {
    if (
      await fetch(`${BASE}/api/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 120) throw new Error(`the server did not start:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
});

test.afterAll(() => {
  if (server && server.exitCode === null) server.kill("SIGKILL");
});

test("no password, message, API key, share token or callback URL in any log line", async () => {
  const used = {
    password: secret("pw-"),
    message: secret("msg-"),
    apiKey: `pm_${randomBytes(32).toString("base64url").slice(0, 43)}`,
    shareToken: secret("tok"),
    callbackUrl: secret("cb-"),
  };
  const json = { "content-type": "application/json", origin: BASE };

  const csrf = (await (await fetch(`${BASE}/api/auth/csrf`)).json()) as { csrfToken: string };
  await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: BASE },
    body: new URLSearchParams({
      csrfToken: csrf.csrfToken,
      email: "someone@example.com",
      password: used.password,
      json: "true",
    }),
  });
  const chat = await fetch(`${BASE}/api/chat`, {
    method: "POST",
    headers: json,
    body: JSON.stringify({ personaId: "backend-developer", message: `${used.message} [[slow:1]]` }),
  });
  expect(chat.status).toBe(200);
  await readStream(chat, () => {});
  const keyInPath = await fetch(`${BASE}/v1/${used.apiKey}/chat/completions`, {
    method: "POST",
    headers: json,
    body: "{}",
  });
  expect(await keyInPath.text()).not.toContain(used.apiKey);
  await fetch(`${BASE}/v1/chat/completions`, {
    method: "POST",
    headers: { ...json, authorization: `Bearer ${used.apiKey}` },
    body: "{}",
  });
  await (await fetch(`${BASE}/share/${used.shareToken}`)).text();
  await (await fetch(`${BASE}/api/auth/session?callbackUrl=${used.callbackUrl}`)).text();
  await (
    await fetch(`${BASE}/api/auth/signin?callbackUrl=${encodeURIComponent(`/x/${used.callbackUrl}`)}`)
  ).text();

  // Each request's line is written when its response ends: wait for the last ones' lines (the share
  // page renders on, after its headers), so the absence below is checked over every request.
  for (const path of ["/share/[token]", "/api/auth/session", "/api/auth/signin"])
    await expect.poll(() => log.includes(`"path":"${path}"`), { timeout: 10_000 }).toBe(true);
  expect(log).toContain('"msg":"request"');
  for (const [what, value] of Object.entries(used))
    expect(log.includes(value), `${what} in the log`).toBe(false);
});
