import { expect, PERSONAS, test } from "../testing/e2e/chat";
import { REPLY_END } from "../testing/e2e/llm";

const { backend } = PERSONAS;

// The phone project (Pixel 7: touch, 412 px wide) runs this file; see playwright.config.ts.
test.describe.configure({ timeout: 90_000 });

test.describe("chat on a phone", () => {
  test.skip(({ isMobile }) => !isMobile, "phone only");

  test("the chat has the whole screen: the list is in a drawer, no footer, the composer in view", async ({
    page,
    chat,
  }) => {
    const id = await chat.startConversation(backend.id, backend.name, "Hello from a phone");
    await chat.open(id);
    await expect(page.locator("footer")).toBeHidden();
    await expect(chat.sidebar).toBeHidden();
    await expect(chat.composer(backend.name)).toBeInViewport();
    await expect(chat.send).toBeInViewport();
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.scrollingElement!.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    // The chat starts near the top: nothing above it pushes it down.
    const box = await page.getByTestId("chat-scroller").boundingBox();
    expect(box!.y).toBeLessThan(260);

    const opener = page.getByRole("button", { name: "Chats" });
    await opener.click();
    await expect(chat.sidebar).toBeVisible();
    await expect(chat.conversations).toHaveCount(1);
    // A modal: Tab and Shift+Tab stay inside the drawer.
    for (const key of [...Array(8).fill("Tab"), ...Array(8).fill("Shift+Tab")]) {
      await page.keyboard.press(key);
      expect(
        await page.evaluate(() => document.getElementById("chat-drawer")!.contains(document.activeElement)),
      ).toBe(true);
    }
    await page.keyboard.press("Escape");
    await expect(chat.sidebar).toBeHidden();
    await expect(opener).toBeFocused();

    await opener.click();
    await page.mouse.click(innerWidth - 10, 400); // the dimmed page beside the drawer
    await expect(chat.sidebar).toBeHidden();

    // Going to a conversation closes the drawer.
    await chat.startNew(backend.id);
    await opener.click();
    await chat.conversations.first().getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/chat/${id}$`));
    await expect(chat.sidebar).toBeHidden();

    // Every button on the page is at least 24 px each way.
    for (const button of await page.getByRole("button").all()) {
      if (!(await button.isVisible())) continue;
      const b = (await button.boundingBox())!;
      expect(Math.min(b.width, b.height), await button.innerText()).toBeGreaterThanOrEqual(24);
    }
  });

  test("Enter makes a new line on a touch keyboard and Send sends; the box grows up to a limit", async ({
    page,
    chat,
  }) => {
    await chat.startNew(backend.id);
    const box = chat.composer(backend.name);
    const empty = (await box.boundingBox())!.height;
    await box.click();
    await page.keyboard.type("first line");
    await page.keyboard.press("Enter");
    await page.keyboard.type("second line");
    await expect(box).toHaveValue("first line\nsecond line");
    await expect(chat.userMessages).toHaveCount(0);
    expect((await box.boundingBox())!.height).toBeGreaterThan(empty);
    await box.fill(Array.from({ length: 30 }, (_, i) => `line ${i}`).join("\n"));
    const tall = (await box.boundingBox())!.height;
    expect(tall).toBeLessThanOrEqual(210);
    await box.fill("first line\nsecond line");
    await chat.send.click();
    await chat.expectLastReplyComplete();
    await expect(chat.userMessages.first()).toContainText("second line");
    await expect(chat.lastReply).toContainText(REPLY_END);
  });

  test("the header fits one line and its menu has Chats, Sign in and Sign up; Esc and a tap outside close it", async ({
    page,
  }) => {
    await page.goto(`/chat?persona=${backend.id}`);
    const header = page.locator("body > header");
    expect((await header.boundingBox())!.height).toBeLessThan(70);
    const menuButton = page.getByRole("button", { name: "Menu" });
    await menuButton.click();
    const menu = page.getByRole("list", { name: "Menu" });
    for (const name of ["Chats", "Sign in", "Sign up"]) {
      await expect(menu.getByRole("link", { name })).toBeVisible();
    }
    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();
    await expect(menuButton).toBeFocused();
    await menuButton.click();
    await page.mouse.click(20, 400);
    await expect(menu).toBeHidden();
    await menuButton.click();
    await menu.getByRole("link", { name: "Chats" }).click();
    await expect(page).toHaveURL(/\/chat$/);
    await expect(page.getByText("Open “Chats” to pick a conversation")).toBeVisible();
  });
});
