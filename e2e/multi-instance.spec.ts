import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { CredentialsClient, randomLoopback } from "../testing/e2e/auth-api";
import { e2eDatabaseEnv } from "../testing/e2e/database";

// Two `next start` processes sharing one SQLite file: A is the e2e web server (playwright.config.ts),
// B is started here on the next port but one with the same database and settings. Nothing one of
// them knows in memory may matter: a reply written on A is followed, refused a second message and
// stopped on B; a sign-in limit counts failures made on both.
test.describe.configure({ mode: "serial", timeout: 90_000 });

const A = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3210)}`;
const B_PORT = Number(process.env.E2E_PORT ?? 3210) + 2;
const B = `http://127.0.0.1:${B_PORT}`;
const LLM = `http://127.0.0.1:${Number(process.env.E2E_LLM_PORT ?? 3211)}/v1`;

let b: ChildProcess | undefined;

test.beforeAll(async () => {
  b = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(B_PORT)], {
    env: {
      ...process.env,
      LOG_LEVEL: "warn",
      // The same database as A: the SQLite file, or the PostgreSQL database of the smoke run.
      ...e2eDatabaseEnv(),
      SITE_URL: B,
      CHAT_PROVIDER: "openai-compatible",
      OPENAI_COMPATIBLE_BASE_URL: LLM,
      GUEST_SESSIONS_PER_HOUR: "100000",
      GUEST_MESSAGES_PER_DAY: "100000",
      SIGN_UPS_PER_HOUR: "100000",
    },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  for (let i = 0; ; i++) {
    const ok = await fetch(`${B}/api/personas?pageSize=1`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 120) throw new Error("instance B did not start");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
});

test.afterAll(() => {
  // Its own process group (detached): npx and the next server under it.
  if (b?.pid) process.kill(-b.pid, "SIGTERM");
});

type Chunk = { type: string; delta?: string; messageMetadata?: { status?: string } };

/** Reads a UI message stream (SSE), handing each chunk to onChunk as it arrives; resolves at the end. */
async function readStream(response: Response, onChunk: (chunk: Chunk) => void) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let at: number;
    while ((at = buffer.indexOf("\n\n")) >= 0) {
      const event = buffer.slice(0, at).trim();
      buffer = buffer.slice(at + 2);
      if (event.startsWith("data: ") && event !== "data: [DONE]")
        onChunk(JSON.parse(event.slice(6)) as Chunk);
    }
  }
}

const statusOf = (chunks: Chunk[]) =>
  chunks.findLast((c) => c.messageMetadata?.status)?.messageMetadata?.status;

test(
  "a reply written on A is followed live on B, a second message on B is refused, and B stops it",
  { tag: "@smoke" },
  async () => {
    const started = await fetch(`${A}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ personaId: "backend-developer", message: "tell me slowly [[slow:300]]" }),
    });
    expect(started.status).toBe(200);
    const conversationId = started.headers.get("x-conversation-id")!;
    // The guest's cookie from A is good on B: both read the same secret beside the same database.
    const cookie = started.headers.get("set-cookie")!.split(";")[0]!;
    const onA: Chunk[] = [];
    const readingA = readStream(started, (c) => onA.push(c));

    const followed = await fetch(`${B}/api/conversations/${conversationId}/stream`, { headers: { cookie } });
    expect(followed.status).toBe(200);
    const onB: Chunk[] = [];
    let deltasOnB = 0;
    let twoDeltas!: () => void;
    const gotTwo = new Promise<void>((resolve) => (twoDeltas = resolve));
    const readingB = readStream(followed, (c) => {
      onB.push(c);
      if (c.type === "text-delta" && ++deltasOnB >= 2) twoDeltas();
    });
    await gotTwo;

    const view = (await (
      await fetch(`${B}/api/conversations/${conversationId}`, { headers: { cookie } })
    ).json()) as {
      streaming: boolean;
    };
    expect(view.streaming).toBe(true);

    const second = await fetch(`${B}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ conversationId, message: "and another thing" }),
    });
    expect(second.status).toBe(409);
    expect(((await second.json()) as { error: { code: string } }).error.code).toBe("conflict");

    const stop = await fetch(`${B}/api/conversations/${conversationId}/stop`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: "{}",
    });
    expect(stop.status).toBe(200);
    const stopped = (await stop.json()) as { stopped: boolean; status: string; content: string };
    expect(stopped).toMatchObject({ stopped: true, status: "stopped" });

    await Promise.all([readingA, readingB]);
    expect(statusOf(onA)).toBe("stopped");
    expect(statusOf(onB)).toBe("stopped");
    const textA = onA.flatMap((c) => (c.type === "text-delta" ? [c.delta!] : [])).join("");
    const textB = onB.flatMap((c) => (c.type === "text-delta" ? [c.delta!] : [])).join("");
    expect(textB.length).toBeGreaterThan(0);
    expect(stopped.content.startsWith(textB)).toBe(true);
    expect(textA.startsWith(stopped.content) || stopped.content.startsWith(textA)).toBe(true);

    // Once it has ended, B takes the next message.
    const next = await fetch(`${B}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ conversationId, message: "go on [[slow:1]]" }),
    });
    expect(next.status).toBe(200);
    const onNext: Chunk[] = [];
    await readStream(next, (c) => onNext.push(c));
    expect(statusOf(onNext)).toBe("complete");
  },
);

test("failed sign-ins for one account from one address count across A and B", { tag: "@smoke" }, async () => {
  const address = randomLoopback();
  const email = `nobody-${randomBytes(4).toString("hex")}@example.com`;
  const onA = new CredentialsClient(A, address);
  const onB = new CredentialsClient(B, address);
  // lib/tiers.ts SIGN_IN_LIMITS: 10 failures per account at one address; here 5 on each instance.
  for (let i = 1; i <= 10; i++) {
    const response = await (i % 2 ? onA : onB).signIn({ email, password: `wrong ${i}` });
    expect(response.status, `attempt ${i}: ${response.text}`).toBe(401);
  }
  for (const client of [onA, onB]) {
    const response = await client.signIn({ email, password: "wrong again" });
    expect(response.status, response.text).toBe(429);
  }
});
