import type { Locator, Page } from "@playwright/test";
import { expect, PERSONAS, test } from "../testing/e2e/chat";
import type { ChatPage } from "./pages/chat-page";

const { backend } = PERSONAS;

test.describe.configure({ timeout: 120_000 });

async function editMessage(page: Page, message: Locator, text: string) {
  await message.hover();
  await message.getByRole("button", { name: "Edit" }).click();
  const editor = page.getByRole("textbox", { name: "Edit your message" });
  await editor.fill(text);
  await page.getByRole("button", { name: "Send edit" }).click();
}

const versionsOf = (message: Locator) => message.getByTestId("versions");

async function userTexts(chat: ChatPage) {
  return (await chat.userMessages.allInnerTexts()).map((t) => t.replace(/\s+/g, " "));
}

test.describe("conversations as trees", () => {
  test("editing an earlier message starts a branch; ‹ › flips between branches, also after a reload", async ({
    page,
    chat,
  }) => {
    const id = await chat.startConversation(backend.id, backend.name, "First question");
    await chat.sendMessage(backend.name, "Second question");
    await chat.expectLastReplyComplete();
    await expect(chat.userMessages).toHaveCount(2);

    await editMessage(page, chat.userMessages.first(), "Better first question");
    await chat.expectLastReplyComplete();
    await expect(chat.userMessages).toHaveCount(1);
    await expect(chat.lastReply).toContainText("Better first question");
    const firstTurn = chat.userMessages.first();
    await expect(versionsOf(firstTurn)).toContainText("2/2");

    // Back to the first branch: the first question, its reply and the second question with its reply.
    await firstTurn.getByRole("button", { name: "Previous version" }).click();
    await expect(versionsOf(chat.userMessages.first())).toContainText("1/2");
    await expect(chat.userMessages).toHaveCount(2);
    expect((await userTexts(chat)).join(" | ")).toMatch(/First question.*\| .*Second question/);
    await expect(chat.lastReply).toContainText("Second question");

    await page.reload();
    await expect(versionsOf(chat.userMessages.first())).toContainText("1/2");
    await expect(chat.userMessages).toHaveCount(2);
    await chat.userMessages.first().getByRole("button", { name: "Next version" }).click();
    await expect(versionsOf(chat.userMessages.first())).toContainText("2/2");
    await expect(chat.userMessages).toHaveCount(1);
    await expect(chat.lastReply).toContainText("Better first question");

    // The model goes on from the branch shown; the server keeps it.
    await chat.sendMessage(backend.name, "Third question");
    await chat.expectLastReplyComplete();
    const stored = (await (await page.request.get(`/api/conversations/${id}`)).json()) as {
      messages: { role: string; content: string; branches?: string[] }[];
    };
    expect(stored.messages.filter((m) => m.role === "user").map((m) => m.content)).toEqual([
      "Better first question",
      "Third question",
    ]);
    expect(stored.messages[1]!.branches).toHaveLength(2);
  });

  test("a regenerated reply keeps ‹ › after new messages and a reload", async ({ page, chat }) => {
    await chat.startConversation(backend.id, backend.name, "Answer twice");
    await chat.regenerate.click();
    await chat.expectLastReplyComplete();
    await expect(versionsOf(chat.lastReply)).toContainText("2/2");
    await chat.sendMessage(backend.name, "And then this");
    await chat.expectLastReplyComplete();
    const earlier = chat.assistantMessages.nth(1);
    await expect(versionsOf(earlier)).toContainText("2/2");

    await page.reload();
    await expect(versionsOf(chat.assistantMessages.nth(1))).toContainText("2/2");
    await chat.assistantMessages.nth(1).getByRole("button", { name: "Previous version" }).click();
    await expect(versionsOf(chat.assistantMessages.nth(1))).toContainText("1/2");
    // The first version's branch has nothing after it yet.
    await expect(chat.userMessages).toHaveCount(1);
    await chat.assistantMessages.nth(1).getByRole("button", { name: "Next version" }).click();
    await expect(chat.userMessages).toHaveCount(2);
    await expect(chat.lastReply).toContainText("And then this");
  });
});
