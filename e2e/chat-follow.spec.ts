import { expect, PERSONAS, test } from "../testing/e2e/chat";
import { fault, replyStart } from "../testing/e2e/llm";
import { ChatPage } from "./pages/chat-page";

const { backend } = PERSONAS;

test.describe.configure({ timeout: 60_000 });

test("a message typed before the page's scripts ran is kept, and sends", async ({ page, chat }) => {
  // The page's JavaScript is held back until the message is typed (a slow connection).
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_next\/static\/chunks\/.*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`/chat?persona=${backend.id}`, { waitUntil: "domcontentloaded" });
  const box = chat.composer(backend.name);
  await box.fill("typed early");
  await expect(chat.send).toBeDisabled();
  release();
  await expect(chat.send).toBeEnabled();
  await expect(box).toHaveValue("typed early");
  await chat.send.click();
  await expect(chat.lastReply).toContainText("typed early");
  await expect(chat.lastReply).toHaveAttribute("data-status", "complete");
});

test("a conversation opened while its reply is being written follows the reply live, to its end", async ({
  page,
  chat,
}) => {
  await chat.startNew(backend.id);
  const posted = page.waitForResponse(
    (r) => r.request().method() === "POST" && r.url().endsWith("/api/chat"),
  );
  await chat.sendMessage(backend.name, `${fault.slow(150)}${fault.long(30)} Tell me a long story`);
  const first = chat.assistantMessages.nth(1);
  await expect(first).toHaveAttribute("data-status", "streaming");
  // Named by the server at once (the address bar changes only once the reply is saved).
  const id = (await posted).headers()["x-conversation-id"]!;
  expect(id).toMatch(/^[0-9a-f-]{36}$/);

  // The same account in a second tab, opened mid-reply.
  const tab = await page.context().newPage();
  const followed: string[] = [];
  tab.on("request", (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith(`/api/conversations/${id}`)) followed.push(`${r.method()} ${url.pathname}`);
  });
  await tab.goto(`/chat/${id}`);
  const other = new ChatPage(tab);
  const reply = other.lastReply;
  await expect(reply).toHaveAttribute("data-status", "streaming");
  const before = (await reply.textContent())!.length;
  // It grows in place, without the page being loaded again…
  await expect.poll(async () => (await reply.textContent())!.length).toBeGreaterThan(before);
  // …and ends complete, with all of it.
  await expect(reply).toHaveAttribute("data-status", "complete", { timeout: 30_000 });
  await expect(reply).toContainText("word30");
  await expect(reply).toContainText(replyStart(backend.id));
  await expect(other.assistantMessages).toHaveCount(2);
  expect(followed).toContain(`GET /api/conversations/${id}/stream`);
  await expect(first).toHaveAttribute("data-status", "complete", { timeout: 30_000 });
});
