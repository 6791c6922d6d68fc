import type { Locator } from "@playwright/test";
import { expect, PERSONAS, test } from "../testing/e2e/chat";

const { backend } = PERSONAS;
// The fake model echoes the prompt in its reply, so the reply carries these formulas.
const MATHS = "Compute $\\int_0^1 x^2\\,dx$ then \\(a^2+b^2\\) and \\[\\frac{1}{3}\\] ok";

test.describe.configure({ timeout: 90_000 });

/** The reply's text outside its typeset formulas. */
const textOutsideMaths = (reply: Locator) =>
  reply.locator(".prose-persona").evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".katex").forEach((k) => k.remove());
    return copy.textContent ?? "";
  });

test.describe("maths and code in replies", () => {
  test("maths is typeset as it streams, without raw LaTeX on screen, and again after a reload", async ({
    page,
    chat,
  }) => {
    await chat.startNew(backend.id);
    // Any text on screen, at any moment of the stream, that shows LaTeX source outside KaTeX's own.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { rawSeen: string[] }).rawSeen = seen;
      new MutationObserver(() => {
        for (const el of document.querySelectorAll("[data-testid=message-assistant] .prose-persona")) {
          const copy = el.cloneNode(true) as HTMLElement;
          copy.querySelectorAll(".katex").forEach((k) => k.remove());
          const text = copy.textContent ?? "";
          if (/\\int|\\frac|\\\(|\\\[|\$/.test(text)) seen.push(text);
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await chat.sendMessage(backend.name, `${MATHS} [[slow:40]]`);
    await chat.expectLastReplyComplete(30_000);
    const reply = chat.lastReply;
    await expect(reply.locator(".katex")).toHaveCount(3);
    await expect(reply.locator(".katex-display")).toHaveCount(1);
    expect(await page.evaluate(() => (window as unknown as { rawSeen: string[] }).rawSeen)).toEqual([]);
    expect(await textOutsideMaths(reply)).not.toMatch(/[$\\]/);
    // KaTeX's stylesheet (from this origin, as the CSP allows) and fonts are applied.
    await expect(page.locator('link[rel=stylesheet][href^="/katex/katex.min.css"]')).toHaveCount(1);
    await expect
      .poll(() =>
        reply
          .locator(".katex")
          .first()
          .evaluate((el) => getComputedStyle(el).fontFamily),
      )
      .toContain("KaTeX");

    const id = await chat.waitForConversationUrl();
    await chat.open(id);
    await expect(chat.lastReply.locator(".katex")).toHaveCount(3);
    expect(await textOutsideMaths(chat.lastReply)).not.toMatch(/[$\\]/);
    expect((await chat.lastReply.locator("annotation").first().textContent())?.trim()).toBe(
      "\\int_0^1 x^2\\,dx",
    );
  });

  test("a formula copies as its LaTeX", async ({ page, chat, context, isMobile }) => {
    test.skip(isMobile, "clipboard permissions are a desktop browser's");
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await chat.startConversation(backend.id, backend.name, MATHS);
    const formula = chat.lastReply.locator(".katex").first();
    await expect(formula).toBeVisible();
    await formula.evaluate((el) => {
      const range = document.createRange();
      range.selectNode(el);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
    });
    await page.keyboard.press("ControlOrMeta+c");
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toContain("\\int_0^1 x^2\\,dx");
  });

  test("a code block names its language, and its Copy code button sits beside the code, not on it", async ({
    chat,
  }) => {
    await chat.startConversation(
      backend.id,
      backend.name,
      "see\n```python\nprint('a long first line of code that reaches the right edge of the block for sure')\n```\nend",
    );
    const block = chat.lastReply.getByTestId("code-block");
    await expect(block.getByTestId("code-language")).toHaveText("python");
    const copy = block.getByRole("button", { name: "Copy code" });
    await expect(copy).toBeVisible();
    const button = (await copy.boundingBox())!;
    const code = (await block.locator("pre").boundingBox())!;
    expect(button.y + button.height).toBeLessThanOrEqual(code.y + 0.5);
    // Distinct names: the reply's own copy button is not this one.
    await expect(chat.lastReply.getByRole("button", { name: "Copy reply" })).toHaveCount(1);
  });
});

test.describe("greetings and persona pages", () => {
  test("a closing question is its own paragraph, not part of the last bullet", async ({ page }) => {
    await page.goto("/personas/devops-engineer");
    const greeting = page.getByTestId("greeting");
    await expect(greeting.locator("li").last()).not.toContainText("What's slowing down");
    await expect(greeting.locator("p", { hasText: "What's slowing down" })).toHaveCount(1);
  });

  test("the Math Tutor's greeting is typeset on its page and in the chat", async ({ page, chat }) => {
    await page.goto("/personas/math-tutor");
    await expect(page.getByTestId("greeting").locator(".katex")).toHaveCount(2);
    await chat.startNew("math-tutor");
    await expect(chat.assistantMessages.first().locator(".katex")).toHaveCount(2);
    expect(await textOutsideMaths(chat.assistantMessages.first())).not.toMatch(/[$\\]/);
  });
});
