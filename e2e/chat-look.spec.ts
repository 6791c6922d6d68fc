import AxeBuilder from "@axe-core/playwright";
import type { Result } from "axe-core";
import { expect, PERSONAS, test } from "../testing/e2e/chat";

const { backend } = PERSONAS;

test.describe.configure({ timeout: 120_000 });

function formatViolations(violations: Result[]): string[] {
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `[${v.impact}] ${v.id}: ${v.help} — ${n.target.join(" ")}`));
}

// Runs in the desktop and the phone project; screenshots go to /tmp for a person to look at.
for (const scheme of ["light", "dark"] as const) {
  test.describe(`the chat page (${scheme})`, () => {
    test.use({ colorScheme: scheme });
    test.slow();

    test("a conversation with a reply, versions and the hand-off menu has no serious axe violations", async ({
      page,
      chat,
      isMobile,
    }, testInfo) => {
      await chat.startConversation(backend.id, backend.name, "Show me a **table** and some `code`");
      await chat.regenerate.click();
      await chat.expectLastReplyComplete();
      await expect(chat.lastReply.getByTestId("versions")).toContainText("2/2");
      const axe = () =>
        new AxeBuilder({ page }).withTags([
          "wcag2a",
          "wcag2aa",
          "wcag21a",
          "wcag21aa",
          "wcag22aa",
          "best-practice",
        ]);
      expect(formatViolations((await axe().analyze()).violations)).toEqual([]);
      await page.screenshot({ path: `/tmp/chat/shot-${testInfo.project.name}-${scheme}.png` });

      if (isMobile) {
        await page.getByRole("button", { name: "Chats" }).click();
        await expect(chat.sidebar).toBeVisible();
        expect(formatViolations((await axe().analyze()).violations)).toEqual([]);
        await page.screenshot({ path: `/tmp/chat/shot-${testInfo.project.name}-${scheme}-drawer.png` });
      } else {
        await page.getByRole("button", { name: "Continue with…" }).click();
        await expect(page.getByRole("list", { name: "Continue with" })).toBeVisible();
        expect(formatViolations((await axe().analyze()).violations)).toEqual([]);
      }
    });
  });
}
