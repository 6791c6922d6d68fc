import { personaFiles } from "../testing/e2e/content-files";
import { expect, test } from "./fixtures";

const PAGE_SIZE = 12;
const pageCount = () => Math.ceil(personaFiles().length / PAGE_SIZE);

test.describe("paginate", () => {
  test("page 2 from the pagination nav shows different personas", async ({ gallery, page }) => {
    test.slow(); // several page loads in a row
    await gallery.goto();
    const first = await gallery.cardNames();
    await expect(gallery.pageLink(1)).toHaveAttribute("aria-current", "page");

    await gallery.pageLink(2).click();
    await expect(page).toHaveURL("/?page=2");
    await expect(gallery.pageLink(2)).toHaveAttribute("aria-current", "page");
    await expect(gallery.resultsHeading).toContainText(`page 2 of ${pageCount()}`);
    await expect(gallery.cards).toHaveCount(PAGE_SIZE);
    const second = await gallery.cardNames();
    expect(second.filter((name) => first.includes(name))).toEqual([]);

    await gallery.pagination.getByRole("link", { name: "← Previous" }).click();
    await expect(page).toHaveURL("/");
    await expect(gallery.cards.getByRole("heading")).toHaveText(first);
  });

  test("every persona appears on exactly one page", async ({ gallery }) => {
    test.slow(); // several page loads in a row
    const seen: string[] = [];
    for (let n = 1; n <= pageCount(); n++) {
      await gallery.goto({ page: n });
      seen.push(...(await gallery.cardNames()));
    }
    expect(seen.sort()).toEqual(
      personaFiles()
        .map((p) => p.name)
        .sort(),
    );
  });

  test("a page past the end clamps to the last page", async ({ gallery }) => {
    const last = pageCount();
    await gallery.goto({ page: 99 });
    await expect(gallery.resultsHeading).toContainText(`page ${last} of ${last}`);
    await expect(gallery.pageLink(last)).toHaveAttribute("aria-current", "page");
    await expect(gallery.cards).toHaveCount(personaFiles().length - (last - 1) * PAGE_SIZE);
    await expect(gallery.pagination.getByRole("link", { name: "Next →" })).toHaveCount(0);
  });

  test("a paginated, filtered URL is shareable", async ({ gallery, page, browser }) => {
    test.slow(); // several page loads in a row
    await gallery.goto({ sort: "name" });
    await gallery.pagination.getByRole("link", { name: "Next →" }).click();
    await expect(page).toHaveURL("/?sort=name&page=2");
    await expect(gallery.pageLink(2)).toHaveAttribute("aria-current", "page");
    const names = await gallery.cardNames();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));

    // A fresh browser context: nothing shared but the URL.
    const context = await browser.newContext();
    try {
      const other = await context.newPage();
      await other.goto(page.url());
      await expect(other.getByTestId("persona-card").getByRole("heading")).toHaveText(names);
      await expect(other.getByLabel("Sort")).toHaveValue("name");
    } finally {
      await context.close();
    }
  });
});
