import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { expect, newCredentials, test } from "../testing/e2e/accounts";
import { CredentialsClient, randomLoopback } from "../testing/e2e/auth-api";
import { e2eDatabaseEnv } from "../testing/e2e/database";
import { readStream, statusOf, type Chunk } from "../testing/e2e/ui-stream";
import { grantRole } from "../testing/e2e/roles";
import { SignUpPage } from "./pages/sign-up-page";
import { StudioPage } from "./pages/studio-page";

// Two `next start` processes sharing one SQLite file: A is the e2e web server (playwright.config.ts),
// B is started here on the next port but one with the same database and settings. Nothing one of
// them knows in memory may matter: a reply written on A is followed, refused a second message and
// stopped on B; a sign-in limit counts failures made on both; a persona approved on A is found on B.
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

test(
  "a creator's persona approved on A is found by a visitor's search on B within 10 s",
  { tag: "@smoke" },
  async ({ page, signUpPage, credentials, newPage, browser }) => {
    const handle = `m${randomBytes(4).toString("hex")}`;
    const word = `tidepool${randomBytes(3).toString("hex")}`;
    const studio = new StudioPage(page);
    await signUpPage.signUp({ ...credentials, name: "Creator on A" });
    await studio.chooseHandle(handle);
    await page.getByRole("link", { name: "New persona" }).click();
    await studio.fill({
      Name: "Tide Pool Guide",
      Address: "tide-pool-guide",
      Description: "Explains what lives in rock pools at low tide.",
      Tags: "oceans, nature",
      Greeting: "Which pool shall we look into?",
      "Prompt (markdown)": [
        "# Tide Pool Guide",
        "",
        `You are a marine biologist who explains ${word} finds in rock pools: anemones, crabs and limpets.`,
        "",
        "- Say when the tide turns and why visitors should step only on bare rock.",
        "- Name each creature a visitor describes and how it survives the hours out of water.",
      ].join("\n"),
      Changelog: "First version",
    });
    await studio.submit();
    await expect(studio.report).toHaveAttribute("data-verdict", "clean");
    const id = `${handle}--tide-pool-guide`;

    // B has cached its search page for the word before the approval: the cache must let it go.
    const visitor = await browser.newPage();
    await visitor.goto(`${B}/?q=${word}`);
    await expect(visitor.getByTestId("persona-card")).toHaveCount(0);

    const moderatorCredentials = newCredentials("moderator");
    const moderator = await newPage();
    await new SignUpPage(moderator).signUp({ ...moderatorCredentials, name: "Mod on A" });
    grantRole(moderatorCredentials.email, "moderator");
    await moderator.goto("/moderation");
    const item = moderator.locator(`[data-testid="queue-item"][data-persona="${id}"]`);
    await item.getByRole("button", { name: "Approve" }).click();
    await expect(item).toHaveCount(0);

    await expect(async () => {
      await visitor.goto(`${B}/?q=${word}`);
      await expect(visitor.getByTestId("persona-card")).toHaveCount(1, { timeout: 500 });
    }).toPass({ timeout: 10_000 });
    const onB = await visitor.goto(`${B}/personas/${id}`);
    expect(onB?.status()).toBe(200);
    await expect(visitor.getByTestId("persona-credit")).toContainText(`@${handle}`);
    await visitor.close();
  },
);
