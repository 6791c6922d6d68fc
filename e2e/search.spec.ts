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

  test("matches word prefixes, and ranks the persona with every word of the query first", async ({
    gallery,
  }) => {
    await gallery.goto({ q: "kube" });
    await expect(gallery.cards.first().getByRole("heading")).toHaveText("DevOps Engineer");
    await gallery.goto({ q: "sql tutor" });
    await expect(gallery.cards.first().getByRole("heading")).toHaveText("SQL Tutor");
  });

  for (const [query, fitting] of [
    ["write a cover letter", ["Interview Coach", "Ghostwriter", "Copy Editor"]],
    ["k8s", ["DevOps Engineer"]],
    ["help me with my calculus homework", ["Math Tutor"]],
    ["our site was hacked", ["Incident Responder", "Security Auditor"]],
    ["proofread my essay", ["Copy Editor"]],
    ["build an iphone app", ["Mobile Developer"]],
  ] as const) {
    test(`a task, "${query}", finds a fitting persona in the top 3`, async ({ gallery }) => {
      await gallery.goto();
      await gallery.search(query);
      const top3 = (await gallery.cardNames()).slice(0, 3);
      expect(
        top3.some((name) => (fitting as readonly string[]).includes(name)),
        top3.join(", "),
      ).toBe(true);
    });
  }

  test("a misspelt search finds the persona and offers the corrected words", async ({ gallery, page }) => {
    await gallery.goto();
    await gallery.search("kubernets deployment keeps crashing");
    await expect(gallery.cards.first().getByRole("heading")).toHaveText("DevOps Engineer");
    const fix = gallery.didYouMean.getByRole("link", { name: "kubernetes deployment keeps crashing" });
    await fix.click();
    await expect.poll(() => gallery.param("q")).toBe("kubernetes deployment keeps crashing");
    await expect(gallery.didYouMean).toHaveCount(0);
    await expect(page).toHaveURL(/q=kubernetes/);
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
    // Nothing fits: the closest categories and the most used personas, as links.
    const categories = gallery.emptyState
      .getByRole("region", { name: "Closest categories" })
      .getByRole("link");
    await expect(categories).toHaveCount(3);
    const personas = gallery.emptyState.getByRole("region", { name: "Most used personas" }).getByRole("link");
    await expect(personas).toHaveCount(4);
    await personas.first().click();
    await expect(gallery.page).toHaveURL(/\/personas\/[a-z0-9-]+$/);
  });
});
