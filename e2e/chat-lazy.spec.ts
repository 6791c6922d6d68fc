import { expect, PERSONAS, test } from "../testing/e2e/chat";

const { backend } = PERSONAS;

test("the chat client, Markdown and highlight.js arrive when used: a new reply with code is rendered and coloured, and so is the stored one", async ({
  page,
  chat,
}) => {
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.push(r.url());
  });
  await chat.startNew(backend.id);
  await page.waitForLoadState("load");
  const atLoad = scripts.length;
  // The greeting came rendered from the server.
  await expect(chat.lastReply.locator(".prose-persona")).toBeVisible();

  await chat.sendMessage(backend.name, "Show me:\n```ts\nconst answer = 42;\n```");
  await chat.expectLastReplyComplete();
  await expect(chat.lastReply.locator("pre code.hljs")).toBeVisible();
  await expect(chat.lastReply.locator(".hljs-keyword").first()).toHaveText("const");
  expect(scripts.length, "chunks fetched once the chat was used").toBeGreaterThan(atLoad);

  await chat.waitForConversationUrl();
  await page.reload();
  await expect(chat.lastReply.locator(".hljs-keyword").first()).toHaveText("const");
});
