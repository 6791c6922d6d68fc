import {
  CATEGORY_LABELS,
  TIER_LABELS,
  countBy,
  personaFile,
  personaFiles,
} from "../testing/e2e/content-files";
import { expect, test } from "./fixtures";

const PAGE_SIZE = 12;

test.describe("browse the gallery", () => {
  test(
    "shows a page of cards, each with name, description, category and tier badge",
    { tag: "@smoke" },
    async ({ gallery }) => {
      await gallery.goto();
      await expect(gallery.cards).toHaveCount(PAGE_SIZE);
      const frontend = personaFile("frontend-developer");
      const card = gallery.card(frontend.name);
      await expect(card.getByRole("link", { name: frontend.name, exact: true })).toHaveAttribute(
        "href",
        "/personas/frontend-developer",
      );
      await expect(card).toContainText(frontend.description);
      await expect(card).toContainText(CATEGORY_LABELS[frontend.category]!);
      await expect(card.getByTestId("tier-badge")).toHaveText(TIER_LABELS[frontend.tier]);
      await expect(card.getByRole("list", { name: "Tags" })).toContainText(`#${frontend.tags[0]}`);

      for (const name of await gallery.cardNames()) {
        const persona = personaFiles().find((p) => p.name === name);
        expect(persona, `a card for an unknown persona "${name}"`).toBeDefined();
        const c = gallery.card(name);
        await expect(c).toContainText(persona!.description);
        await expect(c.getByText(CATEGORY_LABELS[persona!.category]!, { exact: true })).toBeVisible();
        await expect(c.getByTestId("tier-badge")).toHaveText(TIER_LABELS[persona!.tier]);
      }
    },
  );

  test("shows the result count and page position", async ({ gallery }) => {
    await gallery.goto();
    const total = personaFiles().length;
    await expect(gallery.resultCount).toHaveText(String(total));
    await expect(gallery.resultsHeading).toContainText(`${total} personas`);
    await expect(gallery.resultsHeading).toContainText(`page 1 of ${Math.ceil(total / PAGE_SIZE)}`);
    await expect(gallery.clearFilters).toHaveCount(0);
  });

  test("the category nav counts match the catalog", async ({ gallery }) => {
    await gallery.goto();
    expect(await gallery.categoryCount("All")).toBe(personaFiles().length);
    await expect(gallery.categoryLink("All")).toHaveAttribute("aria-current", "page");
    for (const [id, label] of Object.entries(CATEGORY_LABELS)) {
      expect(await gallery.categoryCount(label), label).toBe(countBy((p) => p.category === id));
    }
  });

  test("the category counts follow the other filters", async ({ gallery }) => {
    await gallery.goto({ tier: "pro" });
    expect(await gallery.categoryCount("All")).toBe(countBy((p) => p.tier === "pro"));
    expect(await gallery.categoryCount("Security")).toBe(
      countBy((p) => p.tier === "pro" && p.category === "security"),
    );
  });
});
