import { randomUUID } from "node:crypto";
import { expect, guestIdOf, PERSONAS, test, withE2eDb } from "../testing/e2e/chat";
import { replyStart } from "../testing/e2e/llm";
import { expectNoRequest } from "../testing/e2e/no-event";

const { backend, frontend } = PERSONAS;
const LOCKED = { id: "accessibility-auditor", name: "Accessibility Auditor" };

test.describe.configure({ timeout: 90_000 });

test.describe("hand-off, new chat and the list", () => {
  test.skip(({ isMobile }) => isMobile, "desktop");

  test("the hand-off menu shows a locked persona locked with the way to unlock, closes with Esc and a click outside, and works by keyboard", async ({
    page,
    chat,
  }) => {
    await chat.startConversation(frontend.id, frontend.name, "We built a form");
    const opener = page.getByRole("button", { name: "Continue with…" });
    const menu = page.getByRole("list", { name: "Continue with" });
    await opener.click();
    await expect(menu).toBeVisible();
    const locked = menu.getByTestId("handoff-target").filter({ hasText: LOCKED.name });
    await expect(locked).toHaveAttribute("data-locked", "true");
    await expect(locked.getByRole("button")).toHaveCount(0);
    await expect(
      locked.getByRole("link", { name: `Sign in to continue with ${LOCKED.name}` }),
    ).toHaveAttribute("href", /^\/sign-in\?callbackUrl=/);
    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();
    await expect(opener).toBeFocused();

    await opener.click();
    await page.mouse.click(5, 300);
    await expect(menu).toBeHidden();

    // Keyboard only: open it, move to the first persona, hand off.
    await opener.focus();
    await page.keyboard.press("Enter");
    await expect(menu).toBeVisible();
    await page.keyboard.press("Tab");
    await expect(menu.getByRole("button", { name: backend.name })).toBeFocused();
    await page.keyboard.press("Enter");
    const toId = await chat.waitForConversationUrl();
    await expect(page.getByTestId("handoff-parent")).toContainText(`your conversation with ${frontend.name}`);
    await page.getByText("What was passed on").click();
    await expect(page.getByTestId("handoff-parent")).toContainText("We built a form");
    expect(toId).toBeTruthy();
  });

  test("New chat starts a new chat with the same persona", async ({ page, chat }) => {
    await chat.startConversation(backend.id, backend.name, "The first chat");
    await page.getByRole("link", { name: "New chat" }).first().click();
    await expect(page).toHaveURL(new RegExp(`/chat\\?persona=${backend.id}$`));
    await expect(chat.assistantMessages).toHaveCount(1);
    await expect(chat.userMessages).toHaveCount(0);
    await chat.sendMessage(backend.name, "The second chat");
    await chat.expectLastReplyComplete();
    await expect(chat.lastReply).toContainText(replyStart(backend.id));
    await chat.waitForConversationUrl();
    await expect(chat.conversations).toHaveCount(2);
  });

  test("titles are plain text from the first message", async ({ chat }) => {
    await chat.startConversation(
      backend.id,
      backend.name,
      "x | a | b |\n|---|---|---|\n| **bold** | `code` |",
    );
    await expect(chat.conversations.first()).toContainText("x a b bold code");
    await expect(chat.conversations.first()).not.toContainText("|");
  });

  test("the list loads its first page, and more only as it is scrolled", async ({ page, chat }) => {
    await chat.startConversation(backend.id, backend.name, "The newest");
    const userId = await guestIdOf(page.context());
    withE2eDb((db) => {
      const insert = db.prepare(
        "INSERT INTO conversations (id, user_id, persona_id, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
      );
      const base = Date.now() - 86_400_000;
      for (let i = 0; i < 45; i++)
        insert.run(randomUUID(), userId, backend.id, `Older ${i}`, base - i, base - i);
    });
    const isNextPage = (r: { url(): string }) => r.url().includes("/api/conversations?before=");
    const pages: string[] = [];
    page.on("request", (r) => {
      if (isNextPage(r)) pages.push(r.url());
    });
    await page.reload();
    await expect(chat.conversations).toHaveCount(30);
    // The list's end is out of view: its observer, which fires as soon as it watches, asks for nothing.
    await expectNoRequest(page, isNextPage);
    expect(pages).toHaveLength(0);
    await chat.conversations.last().scrollIntoViewIfNeeded();
    await expect(chat.conversations).toHaveCount(46);
    expect(pages.length).toBeGreaterThanOrEqual(1);
  });
});
