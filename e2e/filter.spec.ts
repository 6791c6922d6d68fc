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

  test("the tag box filters by a typed tag, and offers the most used tags with counts", async ({
    gallery,
    page,
  }) => {
    await gallery.goto();
    const expected = personaFiles()
      .filter((p) => p.tags.includes("sql"))
      .map((p) => p.name)
      .sort();
    // Type-ahead: the most used tags, each with how many personas carry it, not every tag.
    const options = gallery.form.locator("datalist#tag-options option");
    await expect(options.first()).toHaveAttribute("label", /^\d+ personas?$/);
    const allTags = new Set(personaFiles().flatMap((p) => p.tags));
    expect(await options.count()).toBeLessThanOrEqual(Math.min(100, allTags.size));
    await gallery.tagBox.fill("sql");
    await gallery.tagBox.press("Enter");
    await expect.poll(() => gallery.param("tag")).toBe("sql");
    await expect(gallery.resultCount).toHaveText(String(expected.length));
    expect((await gallery.cardNames()).sort()).toEqual(expected);
    await expect(gallery.tagBox).toHaveValue("sql");
    await expect(page).toHaveTitle(/#sql/);
  });

  test("a popular tag link filters, shows its count, and clears on a second click", async ({ gallery }) => {
    await gallery.goto();
    const counts = new Map<string, number>();
    for (const p of personaFiles()) for (const t of p.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
    const top = Math.max(...counts.values());
    const first = gallery.popularTags.getByRole("link").first();
    await expect(first).toContainText(`(${top})`);
    const tag = /#([a-z0-9-]+)/.exec(await first.innerText())![1]!;
    expect(counts.get(tag)).toBe(top);
    await first.click();
    await expect.poll(() => gallery.param("tag")).toBe(tag);
    await expect(gallery.resultCount).toHaveText(String(top));
    const current = gallery.popularTags.getByRole("link", { name: new RegExp(`#${tag} `) });
    await expect(current).toHaveAttribute("aria-current", "page");
    await current.click();
    await expect.poll(() => gallery.param("tag")).toBeNull();
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
