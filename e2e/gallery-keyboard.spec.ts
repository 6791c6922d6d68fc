import { expect, test } from "./fixtures";

test.describe("gallery filters by keyboard", () => {
  test.skip(({ isMobile }) => isMobile, "desktop");

  test("arrow keys in a filter select don't load a page per step; Enter applies it; empty fields stay out of the URL", async ({
    page,
  }) => {
    await page.goto("/");
    const tier = page.getByRole("combobox", { name: "Tier" });
    // The form's change handling is attached (React's or, on a cached page, public/visitor.js's).
    await expect(page.locator('form[data-auto-submit="on"]').filter({ has: tier })).toHaveCount(1);
    // Every submit of the filter form is counted in the page (a submit is dispatched in the same
    // task as the change that asks for it, so the count is settled when each key press returns).
    await tier.evaluate((select) => {
      const counted = window as unknown as { filterSubmits: number };
      counted.filterSubmits = 0;
      (select as HTMLSelectElement).form!.addEventListener("submit", () => counted.filterSubmits++);
    });
    await tier.focus();
    await page.keyboard.press("ArrowDown");
    await expect(tier).toHaveValue("free");
    await page.keyboard.press("ArrowDown");
    await expect(tier).toHaveValue("pro");
    // No submit and no navigation: the count is still there (a new page would have lost it) and 0.
    expect(await page.evaluate(() => (window as unknown as { filterSubmits?: number }).filterSubmits)).toBe(
      0,
    );
    expect(new URL(page.url()).search).toBe("");

    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/\?tier=pro$/);

    // With a pointer, a change applies at once.
    await page.getByRole("combobox", { name: "Tier" }).selectOption("max");
    await expect(page).toHaveURL(/\/\?tier=max$/);
  });
});
