import type { Locator, Page } from "@playwright/test";
import { CONVERSATION_URL } from "./pages/chat-page";
import { expect, PERSONAS, test, withE2eDb } from "../testing/e2e/chat";
import { fault, REPLY_END } from "../testing/e2e/llm";

const { backend } = PERSONAS;

// Runs in the desktop and the phone project (playwright.config.ts).
test.describe.configure({ timeout: 90_000 });

/** How far the conversation's scroll area is from its end, and whether it scrolls at all. */
function scrollState(scroller: Locator) {
  return scroller.evaluate((el) => ({
    fromEnd: el.scrollHeight - el.scrollTop - el.clientHeight,
    top: el.scrollTop,
    overflows: el.scrollHeight > el.clientHeight + 100,
  }));
}

/** Waits until the streaming reply's text is longer than it is now (more tokens have arrived). */
async function replyGrows(reply: Locator) {
  const before = (await reply.textContent())?.length ?? 0;
  await expect
    .poll(async () => (await reply.textContent())?.length ?? 0, { timeout: 10_000 })
    .toBeGreaterThan(before);
}

async function noHorizontalOverflow(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `page is ${scrollWidth}px wide in a ${innerWidth}px viewport`).toBeLessThanOrEqual(
    innerWidth,
  );
}

test.describe("following a reply", () => {
  test("the view follows a slow reply at the bottom, lets go on a scroll up, and Jump to latest takes it back", async ({
    page,
    chat,
  }) => {
    const scroller = page.getByTestId("chat-scroller");
    const jump = page.getByRole("button", { name: "Jump to latest" });
    await chat.startNew(backend.id);
    await chat.sendMessage(backend.name, `${fault.slow(40)}${fault.long(320)} Tell me a long story`);
    const reply = chat.assistantMessages.nth(1);
    await expect(reply).toHaveAttribute("data-status", "streaming");

    // Stop sits in the composer, in view, while the reply streams.
    const composerForm = page.locator("form").filter({ has: chat.composer(backend.name) });
    await expect(composerForm.getByRole("button", { name: "Stop" })).toBeInViewport();

    // The reply grows past the screen and the view keeps its end in sight.
    await expect.poll(async () => (await scrollState(scroller)).overflows, { timeout: 20_000 }).toBe(true);
    // Each time the reply grows (new tokens, not time passing), its end is still in sight.
    for (let i = 0; i < 3; i++) {
      await replyGrows(reply);
      expect((await scrollState(scroller)).fromEnd).toBeLessThanOrEqual(48);
    }
    await expect(jump).toHaveCount(0);

    // A scroll up lets go: the view stays where the reader put it while the reply goes on.
    await scroller.hover();
    await page.mouse.wheel(0, -2000);
    await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
    await expect(jump).toBeVisible();
    // The reply goes on growing (what would pull a following view down) and the view stays put.
    await replyGrows(reply);
    await replyGrows(reply);
    await expect(reply).toHaveAttribute("data-status", "streaming");
    expect((await scrollState(scroller)).top).toBeLessThan(5);

    await jump.click();
    await expect(jump).toHaveCount(0);
    expect((await scrollState(scroller)).fromEnd).toBeLessThanOrEqual(48);
    await chat.expectLastReplyComplete(30_000);
    await expect(reply).toContainText(REPLY_END);
    expect((await scrollState(scroller)).fromEnd).toBeLessThanOrEqual(48);
    await noHorizontalOverflow(page);
  });

  test("the address changes after the first reply without moving the view or the focus", async ({
    page,
    chat,
    isMobile,
  }) => {
    await chat.startNew(backend.id);
    const box = chat.composer(backend.name);
    // A mark on the box: if the view remounted, the new box would not carry it.
    await box.evaluate((el) => el.setAttribute("data-mark", "kept"));
    await box.fill("Hello there");
    if (isMobile) await chat.send.click();
    else await box.press("Enter");
    await expect(chat.userMessages).toHaveCount(1);
    await chat.waitForConversationUrl();
    await chat.expectLastReplyComplete();
    await expect(box).toHaveAttribute("data-mark", "kept");
    await expect(box).toBeFocused();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect((await scrollState(page.getByTestId("chat-scroller"))).fromEnd).toBeLessThanOrEqual(48);
    await expect(chat.lastReply).toContainText(REPLY_END);
    // The conversation is stored at that address and listed.
    const id = CONVERSATION_URL.exec(new URL(page.url()).pathname)![1]!;
    expect((await page.request.get(`/api/conversations/${id}`)).status()).toBe(200);
    if (!isMobile) {
      await expect(chat.conversations).toHaveCount(1);
      // The sidebar's New chat still knows the persona after the address changed.
      await expect(
        page.getByRole("navigation", { name: "Conversations" }).getByRole("link", { name: "New chat" }),
      ).toHaveAttribute("href", `/chat?persona=${backend.id}`);
    }

    // The next message goes to the same conversation.
    await chat.sendMessage(backend.name, "And again");
    await chat.expectLastReplyComplete();
    await expect(chat.userMessages).toHaveCount(2);
    const stored = (await (await page.request.get(`/api/conversations/${id}`)).json()) as {
      messages: unknown[];
    };
    expect(stored.messages).toHaveLength(5);
  });

  test("keyboard only: Enter sends, Tab reaches Stop, Enter stops", async ({ page, chat, isMobile }) => {
    test.skip(isMobile, "a touch keyboard's Enter makes a new line");
    await chat.startNew(backend.id);
    const box = chat.composer(backend.name);
    await box.focus();
    await page.keyboard.type(`${fault.slow(200)}${fault.long(60)} keyboard only`);
    await page.keyboard.press("Enter");
    const reply = chat.assistantMessages.nth(1);
    await expect(reply).toHaveAttribute("data-status", "streaming");
    await expect(reply).toContainText("You said");
    await page.keyboard.press("Tab");
    await expect(chat.stop).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(reply).toHaveAttribute("data-status", "stopped");
    await expect(reply).not.toContainText("word60");
  });
});

test.describe("long text", () => {
  test("long words, URLs, wide tables and code blocks stay inside the screen; code and tables scroll in themselves", async ({
    page,
    chat,
  }) => {
    const word = "x".repeat(7000);
    const url = `https://example.com/${"very-long-path-segment-".repeat(6)}end`;
    const id = await chat.startConversation(backend.id, backend.name, `${word} ${url}`);
    await expect(chat.userMessages.first()).toContainText(url);
    await noHorizontalOverflow(page);

    // A reply with what models write: a 10,000-character word, a long link, a wide table, a wide code block.
    const wideTable = [
      `| ${Array.from({ length: 16 }, (_, i) => `column number ${i}`).join(" | ")} |`,
      `|${Array.from({ length: 16 }, () => "---").join("|")}|`,
      `| ${Array.from({ length: 16 }, (_, i) => `value-${i}-${"y".repeat(20)}`).join(" | ")} |`,
    ].join("\n");
    const wideCode = ["```ts", `const line = "${"z".repeat(600)}";`, "```"].join("\n");
    const content = [`${"w".repeat(10_000)}`, `See [the docs](${url}) or ${url}.`, wideTable, wideCode].join(
      "\n\n",
    );
    withE2eDb((db) =>
      db
        .prepare(
          "UPDATE messages SET content = ? WHERE id = (SELECT id FROM messages WHERE conversation_id = ? ORDER BY rowid DESC LIMIT 1)",
        )
        .run(content, id),
    );
    await page.reload();
    await expect(chat.lastReply.locator("pre")).toBeVisible();
    await noHorizontalOverflow(page);
    const scrollsInside = (selector: string) =>
      chat.lastReply.locator(selector).evaluate((el) => el.scrollWidth > el.clientWidth + 50);
    expect(await scrollsInside("pre")).toBe(true);
    expect(await scrollsInside("table")).toBe(true);
    // The bubble itself is no wider than the conversation.
    const widths = await page.getByTestId("chat-scroller").evaluate((el) => ({
      scroller: el.clientWidth,
      widest: Math.max(...[...el.querySelectorAll("li > div")].map((d) => d.getBoundingClientRect().width)),
    }));
    expect(widths.widest).toBeLessThanOrEqual(widths.scroller);
  });
});
