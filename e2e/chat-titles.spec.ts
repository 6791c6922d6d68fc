import type { Page } from "@playwright/test";
import { expect, PERSONAS, test } from "../testing/e2e/chat";
import type { ChatPage } from "./pages/chat-page";

const { backend, frontend } = PERSONAS;

test.describe.configure({ timeout: 90_000 });

/** The sidebar: beside the chat on a desktop, in the "Chats" drawer on a phone. */
async function openSidebar(page: Page, chat: ChatPage, isMobile: boolean) {
  if (isMobile) await page.getByRole("button", { name: "Chats" }).click();
  await expect(chat.sidebar).toBeVisible();
}

test.describe("titles and pins", () => {
  test("a new chat's heading, sidebar and Share button follow its first reply without a reload", async ({
    page,
    chat,
    isMobile,
  }) => {
    await chat.startNew(backend.id);
    await expect(chat.title).toHaveText(`Chat with ${backend.name}`);
    await expect(page.getByRole("button", { name: "Share", exact: true })).toHaveCount(0);
    await chat.sendMessage(backend.name, "Indexes for a busy orders table");
    await chat.expectLastReplyComplete();
    await expect(chat.title).toHaveText("Indexes for a busy orders table");
    await expect(page.getByRole("button", { name: "Share", exact: true })).toBeVisible();
    await openSidebar(page, chat, isMobile);
    await expect(chat.conversationItem("Indexes for a busy orders table")).toHaveCount(1);
    if (isMobile) await page.keyboard.press("Escape");
    // Share works for the conversation the page now shows.
    await page.getByRole("button", { name: "Share", exact: true }).click();
    await expect(page.getByTestId("share-url")).toHaveValue(/\/share\//);
  });

  test("a pinned conversation is listed first, under Pinned, also after a reload; unpinning puts it back", async ({
    page,
    chat,
    isMobile,
  }) => {
    await chat.startConversation(backend.id, backend.name, "Older chat to pin");
    await chat.startConversation(frontend.id, frontend.name, "Newer chat");
    await openSidebar(page, chat, isMobile);
    await expect(chat.conversations.first()).toContainText("Newer chat");
    await chat.sidebar.getByRole("button", { name: "Pin Older chat to pin" }).click();
    await expect(chat.conversations.first()).toContainText("Older chat to pin");
    await expect(chat.conversations.first()).toContainText("Pinned");

    await page.reload();
    await openSidebar(page, chat, isMobile);
    await expect(chat.conversations.first()).toContainText("Older chat to pin");
    await chat.sidebar.getByRole("button", { name: "Unpin Older chat to pin" }).click();
    await expect(chat.conversations.first()).toContainText("Newer chat");
    await expect(chat.sidebar).not.toContainText("Pinned");
  });

  test("pinning is for the owner only, and checks its input", async ({ page, chat }) => {
    const id = await chat.startConversation(backend.id, backend.name, "Mine to pin");
    const origin = new URL(page.url()).origin;
    const bad = await page.request.put(`/api/conversations/${id}/pin`, {
      data: { pinned: "yes" },
      headers: { origin },
    });
    expect(bad.status()).toBe(400);
    const other = await page.context().browser()!.newContext();
    const stranger = await other.request.put(`${origin}/api/conversations/${id}/pin`, {
      data: { pinned: true },
      headers: { origin },
    });
    expect(stranger.status()).toBe(404);
    await other.close();
  });
});
