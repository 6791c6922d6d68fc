import fs from "node:fs";
import { expect, PERSONAS, test } from "../testing/e2e/chat";
import { fault, llmCompletions, REPLY_END, replyStart } from "../testing/e2e/llm";

const { backend, frontend, apiDesigner } = PERSONAS;

type PersonaApi = {
  id: string;
  name: string;
  greeting: string;
  starters: string[];
  worksWellWith: { id: string; name: string }[];
};
type ConversationApi = {
  id: string;
  title: string;
  messages: { id: string; role: string; content: string; status: string }[];
};

// Each test waits on several streamed replies and page loads; a busy machine needs the room.
test.describe.configure({ timeout: 60_000 });

test.describe("chat as a guest", () => {
  test(
    "Start chat on a free persona's page: the greeting opens, the reply streams in, and the conversation is kept",
    { tag: "@smoke" },
    async ({ page, chat, request }) => {
      const persona = (await (await request.get(`/api/personas/${backend.id}`)).json()) as PersonaApi;
      expect(persona).toMatchObject({ name: backend.name, tier: "free" });

      await page.goto(`/personas/${backend.id}`);
      await page.getByRole("link", { name: "Start chat" }).click();
      await expect(page).toHaveURL(new RegExp(`/chat\\?persona=${backend.id}$`));
      await expect(page.getByRole("heading", { level: 1, name: `Chat with ${backend.name}` })).toBeVisible();
      // The greeting is the first message, and the only one.
      await expect(chat.assistantMessages).toHaveCount(1);
      await expect(chat.userMessages).toHaveCount(0);
      const greetingStart = persona.greeting
        .split("\n")[0]!
        .replace(/[^\w\s!'.,-].*$/u, "")
        .trim();
      expect(greetingStart.length).toBeGreaterThan(8);
      await expect(chat.assistantMessages.first()).toContainText(greetingStart);
      await expect(chat.assistantMessages.first()).toHaveAttribute("data-status", "complete");

      const question = "How should I paginate a large table?";
      await chat.sendMessage(backend.name, `${fault.slow(300)} ${question}`);
      await expect(chat.userMessages).toHaveCount(1);
      await expect(chat.userMessages.first()).toContainText(question);
      await expect(chat.composer(backend.name)).toHaveValue("");

      // Streaming is visible: the reply is marked streaming and its text grows before it is done.
      const reply = chat.assistantMessages.nth(1);
      await expect(reply).toHaveAttribute("data-status", "streaming");
      await expect(chat.stop).toBeVisible();
      await expect(reply).toContainText(replyStart(backend.id));
      const early = (await reply.innerText()).length;
      await expect
        .poll(async () => {
          const [text, status] = await Promise.all([reply.innerText(), reply.getAttribute("data-status")]);
          return status === "streaming" && text.length > early;
        })
        .toBe(true);
      await expect(reply).not.toContainText(REPLY_END);

      await chat.expectLastReplyComplete();
      await expect(reply).toContainText(REPLY_END);
      await expect(reply).toContainText(question);
      await expect(chat.noteOf(reply)).toHaveCount(0);
      const id = await chat.waitForConversationUrl();

      // The sidebar lists it, titled after the first message.
      await expect(chat.conversations).toHaveCount(1);
      await expect(chat.conversations.first().getByRole("link")).toHaveAttribute("href", `/chat/${id}`);

      await page.reload();
      expect(await chat.statuses()).toEqual(["assistant:complete", "user:complete", "assistant:complete"]);
      await expect(chat.assistantMessages.first()).toContainText(greetingStart);
      await expect(chat.userMessages.first()).toContainText(question);
      await expect(chat.lastReply).toContainText(REPLY_END);
      await expect(chat.title).toContainText(question);
    },
  );

  test("a conversation starter is a one-click prompt", async ({ chat, request }) => {
    const persona = (await (await request.get(`/api/personas/${apiDesigner.id}`)).json()) as PersonaApi;
    expect(persona.starters.length).toBeGreaterThan(0);
    await chat.startNew(apiDesigner.id);
    await expect(chat.starters).toHaveText(persona.starters);

    const starter = persona.starters[0]!;
    await chat.starters.first().click();
    await expect(chat.userMessages).toHaveCount(1);
    await expect(chat.userMessages.first()).toContainText(starter);
    await chat.expectLastReplyComplete();
    await expect(chat.lastReply).toContainText(replyStart(apiDesigner.id));
    await expect(chat.lastReply).toContainText(starter.slice(0, 40));
    await chat.waitForConversationUrl();
    // Starters are for an empty conversation only.
    await expect(chat.starters).toHaveCount(0);
  });

  test("a prompt in the link fills the box, and is not sent until the user sends it", async ({ chat }) => {
    await chat.startNew(backend.id, "Review my schema");
    await expect(chat.composer(backend.name)).toHaveValue("Review my schema");
    await expect(chat.userMessages).toHaveCount(0);
  });

  test("Regenerate replaces the last reply", async ({ page, chat }) => {
    const id = await chat.startConversation(backend.id, backend.name, "Name three HTTP caching headers");
    const before = (await (await page.request.get(`/api/conversations/${id}`)).json()) as ConversationApi;
    expect(before.messages).toHaveLength(3);
    const completions = await llmCompletions();

    await chat.regenerate.click();
    await chat.expectLastReplyComplete();
    await expect(chat.assistantMessages).toHaveCount(2);
    await expect(chat.userMessages).toHaveCount(1);
    await expect(chat.lastReply).toContainText(REPLY_END);
    expect(await llmCompletions()).toBeGreaterThan(completions);

    // Stored: the same conversation with a new last reply, not one more.
    await expect
      .poll(async () => {
        const after = (await (await page.request.get(`/api/conversations/${id}`)).json()) as ConversationApi;
        return after.messages.map((m) => (m.id === before.messages[2]!.id ? "old" : `${m.role}:${m.status}`));
      })
      .toEqual(["assistant:complete", "user:complete", "assistant:complete"]);
    const after = (await (await page.request.get(`/api/conversations/${id}`)).json()) as ConversationApi;
    expect(after.messages.slice(0, 2)).toEqual(before.messages.slice(0, 2));

    await page.reload();
    expect(await chat.statuses()).toEqual(["assistant:complete", "user:complete", "assistant:complete"]);
  });

  test("rename and delete from the sidebar", async ({ page, chat }) => {
    const first = await chat.startConversation(backend.id, backend.name, "First conversation");
    const second = await chat.startConversation(frontend.id, frontend.name, "Second conversation");
    await expect(chat.conversations).toHaveCount(2);

    await chat.sidebar.getByRole("button", { name: "Rename First conversation" }).click();
    const box = chat.sidebar.getByRole("textbox", { name: "New title" });
    await expect(box).toHaveValue("First conversation");
    await box.fill("Pagination notes");
    await chat.sidebar.getByRole("button", { name: "Save" }).click();
    await expect(chat.conversationItem("Pagination notes")).toHaveCount(1);
    await expect(chat.conversationItem("First conversation")).toHaveCount(0);
    await chat.open(first);
    await expect(chat.title).toHaveText("Pagination notes");
    await page.reload();
    await expect(chat.conversationItem("Pagination notes")).toHaveCount(1);

    // Delete asks first; dismissing keeps it.
    page.once("dialog", (dialog) => void dialog.dismiss());
    await chat.sidebar.getByRole("button", { name: "Delete Pagination notes" }).click();
    await expect(chat.conversations).toHaveCount(2);

    page.once("dialog", (dialog) => {
      expect(dialog.message()).toContain("Pagination notes");
      void dialog.accept();
    });
    await chat.sidebar.getByRole("button", { name: "Delete Pagination notes" }).click();
    // The open conversation was the deleted one: back to /chat.
    await expect(page).toHaveURL(/\/chat$/);
    await expect(chat.conversations).toHaveCount(1);
    await expect(chat.conversationItem("Second conversation")).toHaveCount(1);
    expect((await page.request.get(`/api/conversations/${first}`)).status()).toBe(404);
    expect((await page.goto(`/chat/${first}`))?.status()).toBe(404);
    expect((await page.request.get(`/api/conversations/${second}`)).status()).toBe(200);
  });

  test("Continue with… hands the conversation to a persona it works well with, and both link to each other", async ({
    page,
    chat,
    request,
  }) => {
    const persona = (await (await request.get(`/api/personas/${backend.id}`)).json()) as PersonaApi;
    expect(persona.worksWellWith.map((p) => p.id)).toContain(frontend.id);
    const target = (await (await request.get(`/api/personas/${frontend.id}`)).json()) as PersonaApi;

    const fromId = await chat.startConversation(backend.id, backend.name, "We built a /users API");
    await chat.continueWith.click();
    await page.getByRole("button", { name: frontend.name }).click();
    await expect(page).not.toHaveURL(new RegExp(fromId));
    const toId = await chat.waitForConversationUrl();

    const parent = page.getByTestId("handoff-parent");
    await expect(parent).toContainText(`Continued from your conversation with ${backend.name}`);
    await expect(parent.getByRole("link")).toHaveAttribute("href", `/chat/${fromId}`);
    // The new conversation opens with the new persona's greeting and talks to that persona.
    await expect(chat.assistantMessages).toHaveCount(1);
    await expect(chat.assistantMessages.first()).toContainText(
      target.greeting
        .split("\n")[0]!
        .replace(/[^\w\s!'.,-].*$/u, "")
        .trim(),
    );
    await chat.sendMessage(frontend.name, "Now the form for it");
    await chat.expectLastReplyComplete();
    await expect(chat.lastReply).toContainText(replyStart(frontend.id));

    await parent.getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/chat/${fromId}$`));
    const children = page.getByTestId("handoff-children");
    await expect(children).toContainText(`Continued with ${frontend.name}`);
    await expect(children.getByRole("link", { name: frontend.name })).toHaveAttribute(
      "href",
      `/chat/${toId}`,
    );
  });

  test("Export as Markdown downloads the conversation", async ({ page, chat }) => {
    const id = await chat.startConversation(backend.id, backend.name, "What is a foreign key?");
    const downloading = page.waitForEvent("download");
    await chat.exportLink.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${backend.id}-${id.slice(0, 8)}.md`);
    const markdown = fs.readFileSync((await download.path())!, "utf8");
    expect(markdown).toMatch(/^# What is a foreign key\?\n/);
    expect(markdown).toContain(`A conversation with **${backend.name}**`);
    const you = markdown.indexOf("## You\n\nWhat is a foreign key?");
    const replyAt = markdown.indexOf(`## ${backend.name}\n\n${replyStart(backend.id)}`);
    expect(markdown.indexOf(`## ${backend.name}`)).toBeLessThan(you); // the greeting first
    expect(you).toBeGreaterThan(0);
    expect(replyAt).toBeGreaterThan(you);
    expect(markdown).toContain(REPLY_END);
  });
});
