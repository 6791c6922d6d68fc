import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { ChatPage } from "./pages/chat-page";

// A content file goes from 1.0.0 to 2.0.0 between two starts of a server on the same database: the
// conversation begun on 1.0.0 keeps its prompt until switched, /v1 answers each version, the
// history page shows the diff. The fake model's [[body]] echoes the prompt body's first line.
const port = Number(process.env.E2E_PORT ?? 3210) + 70;
const llmPort = Number(process.env.E2E_LLM_PORT ?? 3211);
const origin = `http://127.0.0.1:${port}`;
const ID = "backend-developer";
const NAME = "Backend Developer";
let server: ChildProcess | undefined;
let contentDir = "";
let databasePath = "";
let conversationId = "";
let email = "";

test.describe.configure({ mode: "serial", timeout: 180_000 });
test.use({ baseURL: origin });

function writeVersion(version: string, firstLine: string, changelog?: string) {
  const file = path.join(contentDir, `${ID}.md`);
  const original = fs.readFileSync(path.join(process.cwd(), "content/personas", `${ID}.md`), "utf8");
  let text = original.replace(
    /^version: .*$/m,
    `version: ${version}${changelog ? `\nchangelog: ${changelog}` : ""}`,
  );
  const close = text.indexOf("\n---", 4);
  const after = text.indexOf("\n", close + 1);
  text = `${text.slice(0, after + 1)}\n${firstLine}\n${text.slice(after + 1)}`;
  fs.writeFileSync(file, text);
}

// On the PostgreSQL smoke run this server gets a database of its own on the suite's server, made
// afresh as pm_e2e is (its content files differ from the main server's); else a SQLite file.
const PG_DATABASE = "pm_e2e_versions";
function databaseEnv(): Record<string, string> {
  const shared = process.env.E2E_DATABASE_URL;
  if (!shared) return { DATABASE_PATH: databasePath, DATABASE_URL: "" };
  const url = new URL(shared);
  url.pathname = `/${PG_DATABASE}`;
  return { DATABASE_URL: url.toString() };
}

async function startServer() {
  const next = path.join(process.cwd(), "node_modules/next/dist/bin/next");
  server = spawn(process.execPath, [next, "start", "-H", "127.0.0.1", "-p", String(port)], {
    env: {
      ...process.env,
      LOG_LEVEL: "warn",
      PERSONAS_DIR: contentDir,
      ...databaseEnv(),
      SITE_URL: origin,
      CHAT_PROVIDER: "openai-compatible",
      OPENAI_COMPATIBLE_BASE_URL: `http://127.0.0.1:${llmPort}/v1`,
    },
    stdio: "ignore",
  });
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${origin}/api/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the versions server did not become ready");
}

async function stopServer() {
  const running = server;
  server = undefined;
  if (!running || running.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    running.once("exit", () => resolve());
    running.kill("SIGTERM");
  });
}

async function signUp(page: Page) {
  email = `versions-${Date.now().toString(36)}@example.com`;
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("versions pass 123");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/account(\?welcome=1)?$/);
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  contentDir = fs.mkdtempSync(path.join(os.tmpdir(), "versions-content-"));
  for (const f of fs.readdirSync(path.join(process.cwd(), "content/personas")))
    fs.copyFileSync(path.join(process.cwd(), "content/personas", f), path.join(contentDir, f));
  databasePath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "versions-db-")), "a.db");
  if (process.env.E2E_DATABASE_URL)
    execFileSync(
      "npx",
      ["tsx", "testing/e2e/reset-postgres.ts", process.env.TEST_POSTGRES_URL!, PG_DATABASE],
      {
        stdio: "inherit",
      },
    );
  writeVersion("1.0.0", "PROMPT-V1 is the first prompt.");
  await startServer();
});

test.afterAll(async () => {
  await stopServer();
});

test(
  "a conversation on 1.0.0 keeps 1.0.0's prompt after 2.0.0, until switched; 👍/👎 stick",
  { tag: "@smoke" },
  async ({ page }) => {
    await signUp(page);
    const chat = new ChatPage(page);
    conversationId = await chat.startConversation(ID, NAME, "which prompt? [[body]]");
    await expect(chat.lastReply).toContainText("[body:PROMPT-V1");
    // 👍 right under the reply just written, then changed to 👎 with a reason; the choice stays after a reload.
    const feedback = chat.lastReply.getByTestId("reply-feedback");
    const rating = page.waitForResponse(
      (r) => r.url().endsWith("/feedback") && r.request().method() === "PUT",
    );
    await feedback.getByRole("button", { name: "Good reply" }).click();
    expect((await rating).status()).toBe(200);
    await chat.open(conversationId);
    await expect(page.getByTestId("version-current")).toContainText("Version 1.0.0");
    await expect(page.getByRole("button", { name: "Good reply" }).last()).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await page.getByRole("button", { name: "Bad reply" }).last().click();
    await page.getByLabel("What was wrong").selectOption("unhelpful");
    const reason = page.waitForResponse(
      (r) => r.url().endsWith("/feedback") && r.request().method() === "PUT",
    );
    await page.getByRole("button", { name: "Send reason" }).click();
    expect((await reason).status()).toBe(200);
    await page.reload();
    await expect(page.getByRole("button", { name: "Bad reply" }).last()).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await expect(page.getByRole("button", { name: "Good reply" }).last()).toHaveAttribute(
      "aria-pressed",
      "false",
    );

    // The operator ships 2.0.0 (same database, new start).
    await stopServer();
    writeVersion("2.0.0", "PROMPT-V2 is the second prompt.", "Sharper answers");
    await startServer();

    await chat.open(conversationId);
    const notice = page.getByTestId("version-newer");
    await expect(notice).toContainText("talks to version 1.0.0");
    await expect(notice).toContainText("Version 2.0.0 is out: Sharper answers");
    await chat.sendMessage(NAME, "still the first? [[body]]");
    await chat.expectLastReplyComplete();
    await expect(chat.lastReply).toContainText("[body:PROMPT-V1");

    await notice.getByRole("button", { name: "Switch to v2.0.0" }).click();
    await expect(page.getByTestId("version-current")).toContainText("switched from 1.0.0");
    await expect(notice).toHaveCount(0);
    await chat.sendMessage(NAME, "and now? [[body]]");
    await chat.expectLastReplyComplete();
    await expect(chat.lastReply).toContainText("[body:PROMPT-V2");
    // The messages before the switch stay as they were.
    await expect(chat.assistantMessages.filter({ hasText: "[body:PROMPT-V1" })).toHaveCount(2);

    // A new conversation starts on 2.0.0.
    await chat.startConversation(ID, NAME, "new one [[body]]");
    await expect(chat.lastReply).toContainText("[body:PROMPT-V2");
  },
);

test(
  "/v1 answers with each version's prompt; an unknown version is model_not_found",
  { tag: "@smoke" },
  async ({ request }) => {
    const cliEnv = { ...process.env, ...databaseEnv(), PERSONAS_DIR: contentDir };
    // The API is part of Pro and above.
    execFileSync("npm", ["run", "--silent", "tier", "--", "grant", email, "pro"], { env: cliEnv });
    const printed = execFileSync("npm", ["run", "--silent", "api-keys", "--", "create", email], {
      encoding: "utf8",
      env: cliEnv,
    });
    // The key is the line that is one; the command may also print log lines around it.
    const key =
      printed
        .split("\n")
        .map((line) => line.trim())
        .find((line) => /^pm_\S+$/.test(line)) ?? "";
    const ask = (model: string) =>
      request.post("/v1/chat/completions", {
        headers: { Authorization: `Bearer ${key}` },
        data: { model, messages: [{ role: "user", content: "which? [[body]]" }] },
      });
    for (const [model, line] of [
      [`${ID}@1.0.0`, "PROMPT-V1"],
      [`${ID}@2.0.0`, "PROMPT-V2"],
      [ID, "PROMPT-V2"],
    ] as const) {
      const response = await ask(model);
      expect(response.status(), `${model}: ${await response.text()}`).toBe(200);
      const body = (await response.json()) as { model: string; choices: { message: { content: string } }[] };
      expect(body.model).toBe(model);
      expect(body.choices[0]!.message.content).toContain(`[body:${line}`);
    }
    const unknown = await ask(`${ID}@9.9.9`);
    expect(unknown.status()).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe("model_not_found");
    const models = (await (
      await request.get("/v1/models", { headers: { Authorization: `Bearer ${key}` } })
    ).json()) as { data: { id: string }[] };
    expect(models.data.filter((m) => m.id.startsWith(ID))).toEqual([expect.objectContaining({ id: ID })]);
  },
);

test("the operator's figures (npm run stats) are exactly what the tests above did", { tag: "@smoke" }, () => {
  const printed = execFileSync("npm", ["run", "--silent", "stats", "--", ID], {
    encoding: "utf8",
    env: { ...process.env, ...databaseEnv(), PERSONAS_DIR: contentDir },
  });
  const figures = (version: string) => {
    const line = printed.split("\n").find((l) => l.startsWith(`${version} `)) ?? "";
    const n = (label: string) => Number(new RegExp(`${label} (\\d+)`).exec(line)?.[1]);
    return {
      conversations: n("conversations"),
      messages: n("messages"),
      api: n("api"),
      people: n("people 7d"),
      up: n("👍"),
      down: n("👎"),
    };
  };
  // The first conversation started on 1.0.0 with two messages there (its 👍 changed to 👎), then one
  // on 2.0.0 after the switch; the second started on 2.0.0 with one. /v1: one call to 1.0.0, two to
  // 2.0.0 (by version and plain); the unknown version is not a call. One person did all of it.
  expect(figures("1.0.0"), printed).toEqual({
    conversations: 1,
    messages: 2,
    api: 1,
    people: 1,
    up: 0,
    down: 1,
  });
  expect(figures("2.0.0"), printed).toEqual({
    conversations: 1,
    messages: 2,
    api: 2,
    people: 1,
    up: 0,
    down: 0,
  });
  expect(figures("all"), printed).toEqual({
    conversations: 2,
    messages: 4,
    api: 3,
    people: 1,
    up: 0,
    down: 1,
  });
});

test(
  "the history page lists both versions and the word diff, on a phone too",
  { tag: "@smoke" },
  async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/personas/${ID}/versions`);
    const list = page.getByTestId("version-list");
    await expect(list.getByRole("listitem")).toHaveCount(2);
    await expect(list.getByRole("listitem").first()).toContainText("2.0.0");
    await expect(list.getByRole("listitem").first()).toContainText("Sharper answers");
    const body = page.getByTestId("version-diff-body");
    await expect(body.locator("ins").first()).toHaveText("PROMPT-V2");
    await expect(body.locator("del").first()).toHaveText("PROMPT-V1");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  },
);
