import { expect, test } from "./fixtures";

test.describe("search", () => {
  for (const [query, first] of [
    ["backend", "Backend Developer"],
    ["sql", "SQL Tutor"],
    ["kubernetes", "DevOps Engineer"],
    ["machine learning", "ML Engineer"],
  ] as const) {
    test(`"${query}" puts ${first} first and updates the URL`, async ({ gallery, page }) => {
      await gallery.goto();
      await gallery.search(query);
      await expect(page).toHaveURL(/[?&]q=/);
      await expect(gallery.cards.first().getByRole("heading")).toHaveText(first);
      await expect(gallery.searchBox).toHaveValue(query);
      await expect(gallery.selectedSort()).toHaveText("Best match");
    });
  }

  test("matches word prefixes and every word of the query", async ({ gallery }) => {
    await gallery.goto({ q: "kube" });
    await expect(gallery.cards.first().getByRole("heading")).toHaveText("DevOps Engineer");
    await gallery.goto({ q: "sql tutor" });
    await expect(gallery.resultCount).toHaveText("1");
  });

  test("the back button returns to the previous results", async ({ gallery, page }) => {
    test.slow(); // several page loads in a row
    await gallery.goto();
    await gallery.search("backend");
    await expect(gallery.cards.first().getByRole("heading")).toHaveText("Backend Developer");
    const backendNames = await gallery.cardNames();

    await gallery.search("negotiation");
    await expect(gallery.cards.first().getByRole("heading")).toHaveText("Negotiation Coach");

    await page.goBack();
    await expect.poll(() => gallery.param("q")).toBe("backend");
    await expect(gallery.cards.getByRole("heading")).toHaveText(backendNames);
    await expect(gallery.searchBox).toHaveValue("backend");

    await page.goBack();
    await expect.poll(() => gallery.param("q")).toBeNull();
    await expect(gallery.resultsHeading).not.toContainText("match");
    await expect(gallery.searchBox).toHaveValue("");
  });

  test("a query with no match shows the empty state", async ({ gallery }) => {
    await gallery.goto();
    await gallery.search("zzzqqqxxx");
    await expect(gallery.resultCount).toHaveText("0");
    await expect(gallery.emptyState).toContainText("No persona matches these filters.");
    await expect(gallery.cards).toHaveCount(0);
  });
});
