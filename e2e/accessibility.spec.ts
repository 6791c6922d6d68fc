import type AxeBuilder from "@axe-core/playwright";
import type { Result } from "axe-core";
import { expect, test } from "./fixtures";

const PAGES = [
  { name: "gallery", path: "/", dark: true },
  { name: "filtered gallery with no results", path: "/?q=zzzqqqxxx&tier=max", dark: false },
  { name: "free persona", path: "/personas/frontend-developer", dark: true },
  { name: "locked persona", path: "/personas/staff-engineer", dark: false },
  { name: "mis-encoded seed persona", path: "/personas/backend-developer", dark: false },
  { name: "new chat", path: "/chat?persona=frontend-developer", dark: false },
  // Typeset maths (KaTeX) in a greeting, on the persona page and in the chat.
  { name: "persona with maths", path: "/personas/math-tutor", dark: true },
  { name: "new chat with maths", path: "/chat?persona=math-tutor", dark: true },
  { name: "404", path: "/personas/does-not-exist", dark: true },
] as const;

/** One line per failing node, so the failure says what is wrong and where. */
function formatViolations(violations: Result[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `[${v.impact}] ${v.id}: ${v.help} — ${n.target.join(" ")} — ${n.failureSummary?.replace(/\s+/g, " ")}`,
    ),
  );
}

async function seriousViolations(makeAxeBuilder: () => AxeBuilder) {
  const { violations } = await makeAxeBuilder().analyze();
  return formatViolations(violations.filter((v) => v.impact === "serious" || v.impact === "critical"));
}

for (const scheme of ["light", "dark"] as const) {
  test.describe(`accessibility (${scheme})`, () => {
    test.use({ colorScheme: scheme });
    // axe is CPU-bound: give it room on a busy machine.
    test.slow();
    // Every page in light; in dark, one of each kind (the dark palette is shared by all).
    for (const { name, path } of PAGES.filter((p) => scheme === "light" || p.dark)) {
      test(`${name} has no serious or critical axe violations`, async ({ page, makeAxeBuilder }) => {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
        expect(await seriousViolations(makeAxeBuilder)).toEqual([]);
      });
    }
  });
}
