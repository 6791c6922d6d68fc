import { countBy } from "../testing/e2e/content-files";
import { expect, test } from "./fixtures";

// The gallery form is a plain GET form: with JavaScript off, Apply and Search navigate.
test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("Apply filters by tier through a plain form submission", async ({ gallery, page }) => {
    await gallery.goto();
    await gallery.tierSelect.selectOption("max");
    // Nothing happens until Apply: the auto-submit script never ran.
    await expect(page).toHaveURL("/");
    await gallery.applyButton.click();
    await page.waitForURL((url) => url.searchParams.get("tier") === "max");
    const expected = countBy((p) => p.tier === "max");
    await expect(gallery.resultCount).toHaveText(String(expected));
    await expect(gallery.cards.getByTestId("tier-badge")).toHaveText(Array<string>(expected).fill("Max"));
    await expect(gallery.tierSelect).toHaveValue("max");
  });

  test("search submits and ranks results", async ({ gallery, page }) => {
    await gallery.goto();
    await gallery.searchBox.fill("backend");
    await gallery.searchButton.click();
    await page.waitForURL((url) => url.searchParams.get("q") === "backend");
    await expect(gallery.cards.first().getByRole("heading")).toHaveText("Backend Developer");
    await expect(gallery.searchBox).toHaveValue("backend");
  });

  test("a search keeps the category, and pagination links work", async ({ gallery, page }) => {
    test.slow(); // several page loads in a row
    await gallery.goto({ category: "development" });
    await gallery.searchBox.fill("api");
    await gallery.searchBox.press("Enter");
    await page.waitForURL((url) => url.searchParams.get("q") === "api");
    expect(gallery.param("category")).toBe("development");
    const shown = await gallery.cards.count();
    expect(shown).toBeGreaterThan(0);
    await expect(gallery.cardsInCategory("Development")).toHaveCount(shown);

    await gallery.goto();
    await gallery.pageLink(2).click();
    await page.waitForURL("/?page=2");
    await expect(gallery.pageLink(2)).toHaveAttribute("aria-current", "page");
  });

  test("the tag box and a popular tag filter without JavaScript", async ({ gallery, page }) => {
    await gallery.goto();
    await gallery.tagBox.fill("sql");
    await gallery.applyButton.click();
    await page.waitForURL((url) => url.searchParams.get("tag") === "sql");
    await expect(gallery.tagBox).toHaveValue("sql");
    const shown = await gallery.total();
    expect(shown).toBeGreaterThan(0);
    await gallery.popularTags.getByRole("link").first().click();
    await page.waitForURL((url) => url.searchParams.get("tag") !== "sql");
    expect(await gallery.total()).toBeGreaterThan(0);
  });
});
