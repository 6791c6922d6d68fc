import {
  expect,
  guestIdOf,
  PERSONAS,
  postChat,
  setUsageToday,
  test,
  usageToday,
  type ErrorBody,
} from "../testing/e2e/chat";
import { fault, REPLY_END, replyStart } from "../testing/e2e/llm";

const { backend } = PERSONAS;
const GUEST_QUOTA = 10;
const STOPPED = "You stopped this reply.";
const CUT_OFF = "This reply was cut off before it finished. What arrived is kept.";

// Each test waits on several streamed replies and page loads; a busy machine needs the room.
test.describe.configure({ timeout: 60_000 });

test.describe("chat when a reply does not finish", () => {
  test("Stop ends a slow reply where it is; it is kept, marked stopped, after a reload too", async ({
    page,
    chat,
  }) => {
    await chat.startNew(backend.id);
    await chat.sendMessage(backend.name, `${fault.slow(300)}${fault.long(40)} Tell me a long story`);
    const reply = chat.assistantMessages.nth(1);
    await expect(reply).toHaveAttribute("data-status", "streaming");
    await expect(reply).toContainText(replyStart(backend.id));

    await chat.stop.click();
    await expect(reply).toHaveAttribute("data-status", "stopped");
    await expect(chat.noteOf(reply)).toHaveText(STOPPED);
    await expect(reply).not.toContainText("word40");
    await expect(chat.stop).toHaveCount(0);

    const id = await chat.waitForConversationUrl();
    // The server saved what it had when Stop reached it; a reload shows that, still marked stopped.
    await expect(async () => {
      await page.reload();
      expect(await chat.statuses()).toEqual(["assistant:complete", "user:complete", "assistant:stopped"]);
    }).toPass({ timeout: 10_000 });
    await expect(chat.lastReply).toContainText(replyStart(backend.id));
    await expect(chat.lastReply).not.toContainText("word40");
    await expect(chat.noteOf(chat.lastReply)).toHaveText(STOPPED);

    const stored = (await (await page.request.get(`/api/conversations/${id}`)).json()) as {
      messages: { role: string; content: string; status: string }[];
    };
    const last = stored.messages.at(-1)!;
    expect(last.status).toBe("stopped");
    expect(last.content.startsWith(replyStart(backend.id))).toBe(true);
    expect(last.content).not.toContain("word40");
    // Stopped replies can be regenerated.
    await expect(chat.regenerate).toBeVisible();
  });

  test("a provider failure mid-stream keeps the partial reply, marked interrupted, after a reload too", async ({
    page,
    chat,
  }) => {
    await chat.startNew(backend.id);
    await chat.sendMessage(backend.name, `${fault.drop(5)} Explain caching`);
    const reply = chat.assistantMessages.nth(1);
    await expect(reply).toHaveAttribute("data-status", "interrupted", { timeout: 15_000 });
    await expect(chat.noteOf(reply)).toHaveText(CUT_OFF);
    await expect(reply).toContainText(replyStart(backend.id));
    await expect(reply).not.toContainText(REPLY_END);
    await chat.waitForConversationUrl();

    await page.reload();
    expect(await chat.statuses()).toEqual(["assistant:complete", "user:complete", "assistant:interrupted"]);
    await expect(chat.lastReply).toContainText(replyStart(backend.id));
    await expect(chat.lastReply).toContainText("Explain caching");
    await expect(chat.lastReply).not.toContainText(REPLY_END);
    await expect(chat.noteOf(chat.lastReply)).toHaveText(CUT_OFF);
    // The user's message was never lost, and the conversation goes on.
    await expect(chat.userMessages).toContainText([/Explain caching/]);
    await chat.sendMessage(backend.name, "Try again please");
    await chat.expectLastReplyComplete();
    await expect(chat.lastReply).toContainText(REPLY_END);
  });

  test("a provider error before any text says Couldn't get a reply, costs no message, and Retry gets one; a reload shows the same", async ({
    page,
    chat,
  }) => {
    await chat.startNew(backend.id);
    await chat.sendMessage(backend.name, `${fault.flaky(400)} Anyone there?`);
    const reply = chat.assistantMessages.nth(1);
    await expect(reply).toHaveAttribute("data-status", "interrupted", { timeout: 20_000 });
    await expect(reply.getByTestId("no-reply")).toContainText("Couldn't get a reply.");
    await expect(reply).not.toContainText("Thinking");
    await expect(chat.noteOf(reply)).toHaveCount(0);
    await chat.waitForConversationUrl();
    // The failed reply gave its message back.
    const guest = await guestIdOf(page.context());
    expect(usageToday(guest)).toBe(0);

    await page.reload();
    expect(await chat.statuses()).toEqual(["assistant:complete", "user:complete", "assistant:interrupted"]);
    await expect(chat.userMessages.first()).toContainText("Anyone there?");
    await expect(chat.lastReply.getByTestId("no-reply")).toContainText("Couldn't get a reply.");
    await expect(chat.lastReply).not.toContainText("Thinking");

    await chat.lastReply.getByRole("button", { name: "Retry" }).click();
    await chat.expectLastReplyComplete();
    await expect(chat.lastReply).toContainText(REPLY_END);
    await expect(chat.assistantMessages).toHaveCount(2);
    expect(usageToday(guest)).toBe(1);
  });

  test("a reply cut off partway keeps its text and offers Retry", async ({ chat }) => {
    await chat.startNew(backend.id);
    await chat.sendMessage(backend.name, `${fault.drop(5)} Explain indexes`);
    const reply = chat.assistantMessages.nth(1);
    await expect(reply).toHaveAttribute("data-status", "interrupted", { timeout: 15_000 });
    await expect(reply).toContainText(replyStart(backend.id));
    await expect(chat.noteOf(reply)).toHaveText(CUT_OFF);
    await expect(reply.getByRole("button", { name: "Retry" })).toBeVisible();
  });
});

test.describe("the daily quota", () => {
  test("a guest who has used today's messages gets a 429 with Retry-After, and the page says so", async ({
    page,
    chat,
    baseURL,
  }) => {
    const id = await chat.startConversation(backend.id, backend.name, "First of the day");
    setUsageToday(await guestIdOf(page.context()), GUEST_QUOTA);

    await chat.sendMessage(backend.name, "One too many");
    // In plain words, in the reader's own time, and a guest is offered a free account, not an upgrade.
    await expect(chat.error).toContainText(`You've used all ${GUEST_QUOTA} of today's messages.`);
    await expect(chat.error).toContainText("(your time)");
    await expect(chat.error).not.toContainText("UTC");
    await expect(chat.error.getByRole("link", { name: "Create a free account" })).toHaveAttribute(
      "href",
      `/sign-up?callbackUrl=${encodeURIComponent(`/chat/${id}`)}`,
    );
    await expect(chat.error.getByRole("link", { name: "Upgrade for more messages" })).toHaveCount(0);
    // Nothing was sent: the message is back in the box, not in the conversation.
    await expect(chat.composer(backend.name)).toHaveValue("One too many");
    await expect(chat.userMessages).toHaveCount(1);
    await expect(chat.assistantMessages).toHaveCount(2);

    const response = await postChat(page.request, baseURL!, {
      conversationId: id,
      message: "and via the API?",
    });
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers["retry-after"]);
    const now = new Date();
    const untilMidnight =
      (Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1) - now.getTime()) / 1000;
    expect(Math.abs(retryAfter - untilMidnight)).toBeLessThan(30);
    expect((JSON.parse(response.text) as ErrorBody).error.code).toBe("rate_limited");

    await page.reload();
    expect(await chat.statuses()).toEqual(["assistant:complete", "user:complete", "assistant:complete"]);
  });
});

test.describe("plain-language messages", () => {
  test("sending into a conversation deleted in another tab keeps the typed text and says what happened", async ({
    page,
    chat,
    baseURL,
  }) => {
    const id = await chat.startConversation(backend.id, backend.name, "Soon to be gone");
    const deleted = await page.request.delete(`/api/conversations/${id}`, { headers: { origin: baseURL! } });
    expect(deleted.status()).toBe(204);

    await chat.sendMessage(backend.name, "Are you still there?");
    await expect(chat.error).toContainText("This conversation was deleted");
    await expect(chat.error).not.toContainText("There is no");
    await expect(chat.composer(backend.name)).toHaveValue("Are you still there?");
    await expect(chat.userMessages).toHaveCount(1);
    const fresh = chat.error.getByRole("link", { name: `Start a new chat with ${backend.name}` });
    await fresh.click();
    await expect(page).toHaveURL(/\/chat\?persona=backend-developer&prompt=Are/);
    await expect(chat.composer(backend.name)).toHaveValue("Are you still there?");
  });

  test("a blank rename says so and keeps the title", async ({ chat }) => {
    await chat.startConversation(backend.id, backend.name, "Keep this title");
    await chat.sidebar.getByRole("button", { name: "Rename Keep this title" }).click();
    await chat.sidebar.getByRole("textbox", { name: "New title" }).fill("   ");
    await chat.sidebar.getByRole("button", { name: "Save" }).click();
    await expect(chat.sidebar.getByRole("alert")).toHaveText(
      "A title can't be blank. Type a title, or press Cancel to keep the old one.",
    );
    await chat.sidebar.getByRole("button", { name: "Cancel" }).click();
    await expect(chat.conversationItem("Keep this title")).toHaveCount(1);
  });
});
