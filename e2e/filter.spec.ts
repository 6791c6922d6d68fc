import { countBy, personaFiles } from "../testing/e2e/content-files";
import { expect, test } from "./fixtures";

test.describe("filter", () => {
  test("a category link filters the gallery and marks itself current", async ({ gallery, page }) => {
    await gallery.goto();
    await gallery.categoryLink("Security").click();
    await expect(page).toHaveURL("/?category=security");
    const expected = countBy((p) => p.category === "security");
    await expect(gallery.resultCount).toHaveText(String(expected));
    await expect(gallery.cards).toHaveCount(expected);
    await expect(gallery.cardsInCategory("Security")).toHaveCount(expected);
    await expect(gallery.categoryLink("Security")).toHaveAttribute("aria-current", "page");
    await expect(gallery.categoryLink("All")).not.toHaveAttribute("aria-current", "page");
  });

  test("the tag select filters as soon as it changes", async ({ gallery, page }) => {
    await gallery.goto();
    await gallery.waitForAutoSubmit();
    await gallery.tagSelect.selectOption("sql");
    await expect.poll(() => gallery.param("tag")).toBe("sql");
    const expected = personaFiles()
      .filter((p) => p.tags.includes("sql"))
      .map((p) => p.name)
      .sort();
    await expect(gallery.resultCount).toHaveText(String(expected.length));
    expect((await gallery.cardNames()).sort()).toEqual(expected);
    await expect(gallery.tagSelect).toHaveValue("sql");
    await expect(page).toHaveTitle(/#sql/);
  });

  test("the tier select filters as soon as it changes", async ({ gallery }) => {
    await gallery.goto();
    await gallery.waitForAutoSubmit();
    await gallery.tierSelect.selectOption({ label: "Max" });
    await expect.poll(() => gallery.param("tier")).toBe("max");
    const expected = countBy((p) => p.tier === "max");
    await expect(gallery.resultCount).toHaveText(String(expected));
    await expect(gallery.cards.getByTestId("tier-badge")).toHaveText(Array<string>(expected).fill("Max"));
  });

  test("filters combine: category, then tier, then a search keeps them all", async ({ gallery, page }) => {
    test.slow(); // several page loads in a row
    await gallery.goto();
    await gallery.categoryLink("Development").click();
    await expect(page).toHaveURL("/?category=development");
    await expect(gallery.categoryLink("Development")).toHaveAttribute("aria-current", "page");
    await gallery.waitForAutoSubmit();
    await gallery.tierSelect.selectOption("pro");
    await expect.poll(() => gallery.param("tier")).toBe("pro");
    expect(gallery.param("category")).toBe("development");

    const devPro = personaFiles().filter((p) => p.category === "development" && p.tier === "pro");
    await expect(gallery.resultCount).toHaveText(String(devPro.length));
    expect((await gallery.cardNames()).sort()).toEqual(devPro.map((p) => p.name).sort());
    await expect(gallery.clearFilters).toBeVisible();

    await gallery.search("postgresql");
    expect(gallery.param("category")).toBe("development");
    expect(gallery.param("tier")).toBe("pro");
    await expect(gallery.cards.first().getByRole("heading")).toHaveText("Database Architect");

    await gallery.clearFilters.click();
    await expect(page).toHaveURL("/");
    await expect(gallery.resultCount).toHaveText(String(personaFiles().length));
  });

  test("when nothing matches, the empty state offers a way back", async ({ gallery, page }) => {
    test.slow(); // several page loads in a row
    await gallery.goto({ q: "kubernetes", tier: "max" });
    await expect(gallery.resultCount).toHaveText("0");
    await expect(gallery.cards).toHaveCount(0);
    await expect(gallery.emptyState).toBeVisible();
    await expect(gallery.pagination).toHaveCount(0);

    await gallery.emptyState.getByRole("link", { name: "Search “kubernetes” everywhere" }).click();
    await expect(page).toHaveURL("/?q=kubernetes");
    await expect(gallery.cards.first().getByRole("heading")).toHaveText("DevOps Engineer");

    await gallery.goto({ q: "kubernetes", tier: "max" });
    await gallery.emptyState.getByRole("link", { name: "Browse all personas" }).click();
    await expect(page).toHaveURL("/");
    await expect(gallery.resultCount).toHaveText(String(personaFiles().length));
  });

  test("an unknown filter value is ignored with a notice, not an error", async ({ gallery }) => {
    const response = await gallery.page.goto("/?tier=gold&category=security");
    expect(response?.status()).toBe(200);
    await expect(gallery.notice).toContainText('Ignored tier "gold"');
    await expect(gallery.resultCount).toHaveText(String(countBy((p) => p.category === "security")));
  });
});
