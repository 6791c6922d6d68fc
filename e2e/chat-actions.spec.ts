import { expect, PERSONAS, test } from "../testing/e2e/chat";
import { REPLY_END, replyStart } from "../testing/e2e/llm";

const { backend } = PERSONAS;

type ConversationApi = {
  messages: { id: string; role: string; content: string; versions?: { id: string; content: string }[] }[];
};

test.describe.configure({ timeout: 90_000 });

test.describe("message actions", () => {
  test("Regenerate keeps the earlier reply as a version: ‹ 1/2 › flips between them, and a reload keeps them and the choice", async ({
    page,
    chat,
  }) => {
    const id = await chat.startConversation(backend.id, backend.name, "Versions please");
    const first = (await (await page.request.get(`/api/conversations/${id}`)).json()) as ConversationApi;
    const firstReplyId = first.messages.at(-1)!.id;

    await chat.regenerate.click();
    await chat.expectLastReplyComplete();
    const versions = chat.lastReply.getByTestId("versions");
    await expect(versions).toContainText("2/2");
    await expect(chat.assistantMessages).toHaveCount(2);

    const stored = (await (await page.request.get(`/api/conversations/${id}`)).json()) as ConversationApi;
    const last = stored.messages.at(-1)!;
    expect(last.id).not.toBe(firstReplyId);
    expect(last.versions!.map((v) => v.id)).toEqual([firstReplyId, last.id]);

    await page.reload();
    await expect(chat.lastReply.getByTestId("versions")).toContainText("2/2");
    await chat.lastReply.getByRole("button", { name: "Previous version" }).click();
    await expect(chat.lastReply.getByTestId("versions")).toContainText("1/2");
    await expect(chat.lastReply.getByRole("button", { name: "Previous version" })).toBeDisabled();
    await expect(chat.lastReply).toContainText(REPLY_END);
    // The choice is stored: the conversation goes on from version 1.
    await expect
      .poll(async () => {
        const now = (await (await page.request.get(`/api/conversations/${id}`)).json()) as ConversationApi;
        return now.messages.at(-1)!.id;
      })
      .toBe(firstReplyId);
    await page.reload();
    await expect(chat.lastReply.getByTestId("versions")).toContainText("1/2");

    // Someone else can't choose a version of it.
    const other = await page
      .context()
      .browser()!
      .newContext({ baseURL: new URL(page.url()).origin });
    const response = await other.request.post(`/api/conversations/${id}/versions`, {
      data: { messageId: last.id },
      headers: { origin: new URL(page.url()).origin },
    });
    expect(response.status()).toBe(404);
    await other.close();
  });

  test("edit your last message and send it again: the old question and its reply leave the conversation", async ({
    page,
    chat,
  }) => {
    const id = await chat.startConversation(backend.id, backend.name, "What is a primry key?");
    const lastUser = chat.userMessages.last();
    await lastUser.hover();
    await lastUser.getByRole("button", { name: "Edit" }).click();
    const editor = page.getByRole("textbox", { name: "Edit your message" });
    await expect(editor).toHaveValue("What is a primry key?");
    await editor.fill("What is a primary key?");
    await page.getByRole("button", { name: "Send edit" }).click();
    await chat.expectLastReplyComplete();
    await expect(chat.userMessages).toHaveCount(1);
    await expect(chat.userMessages.first()).toContainText("What is a primary key?");
    await expect(chat.lastReply).toContainText("What is a primary key?");
    await expect(chat.lastReply).toContainText(replyStart(backend.id));

    await page.reload();
    expect(await chat.statuses()).toEqual(["assistant:complete", "user:complete", "assistant:complete"]);
    await expect(chat.userMessages.first()).toContainText("What is a primary key?");
    await expect(chat.messages).not.toContainText("primry");
    const stored = (await (await page.request.get(`/api/conversations/${id}`)).json()) as ConversationApi;
    expect(stored.messages.map((m) => m.role)).toEqual(["assistant", "user", "assistant"]);
    // Only the last message of yours can be edited.
    await expect(chat.assistantMessages.first().getByRole("button", { name: "Edit" })).toHaveCount(0);
  });

  test("copy a message, and see when it was written on hover", async ({ page, chat, context, isMobile }) => {
    test.skip(isMobile, "clipboard permissions are a desktop browser's");
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await chat.startConversation(backend.id, backend.name, "Copy me");
    const reply = chat.lastReply;
    await reply.hover();
    const time = reply.locator("time");
    await expect(time).toBeVisible();
    await expect(time).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
    await expect.poll(() => time.evaluate((el) => getComputedStyle(el.parentElement!).opacity)).toBe("1");
    await reply.getByRole("button", { name: "Copy reply" }).click();
    await expect(reply.getByRole("button", { name: "Copied" })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(REPLY_END);
    expect(copied).toContain(replyStart(backend.id));
  });
});
