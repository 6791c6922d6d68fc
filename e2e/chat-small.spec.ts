import { expect, PERSONAS, test } from "../testing/e2e/chat";
import { fault } from "../testing/e2e/llm";

const { backend } = PERSONAS;

test.describe.configure({ timeout: 90_000 });

test.describe("the small things", () => {
  test("opening a chat puts the cursor in the box on a computer, not on a phone", async ({
    chat,
    isMobile,
  }) => {
    await chat.startNew(backend.id);
    const box = chat.composer(backend.name);
    if (isMobile) await expect(box).not.toBeFocused();
    else await expect(box).toBeFocused();
  });

  test("a finished reply is announced politely with its first words", async ({ page, chat }) => {
    await chat.startNew(backend.id);
    const region = page.getByTestId("reply-finished");
    await expect(region).toHaveAttribute("aria-live", "polite");
    await expect(region).toHaveText("");
    await chat.sendMessage(backend.name, "Announce me");
    await chat.expectLastReplyComplete();
    await expect(region).toContainText(
      `${backend.name} replied: persona:backend-developer You said: “Announce me”`,
    );
  });

  test("the Thinking… pulse stands still with reduced motion", async ({ page, chat }) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    await chat.startNew(backend.id);
    await chat.sendMessage(backend.name, `${fault.slow(3000)} think slowly`);
    const thinking = chat.assistantMessages.nth(1).getByText("Thinking…");
    await expect(thinking).toHaveCSS("animation-name", "none");
    await chat.expectLastReplyComplete(60_000);
  });

  test("after Stop on a phone the box is not focused (no keyboard popping up)", async ({
    chat,
    isMobile,
  }) => {
    test.skip(!isMobile, "a phone's keyboard");
    await chat.startNew(backend.id);
    await chat.sendMessage(backend.name, `${fault.slow(200)}${fault.long(60)} stop me`);
    await expect(chat.lastReply).toContainText("You said");
    await chat.stop.click();
    await expect(chat.lastReply).toHaveAttribute("data-status", "stopped");
    await expect(chat.composer(backend.name)).not.toBeFocused();
  });
});
