import { expect, test } from "./fixtures";

test.describe("gallery filters by keyboard", () => {
  test.skip(({ isMobile }) => isMobile, "desktop");

  test("arrow keys in a filter select don't load a page per step; Enter applies it; empty fields stay out of the URL", async ({
    page,
  }) => {
    await page.goto("/");
    const tier = page.getByRole("combobox", { name: "Tier" });
    await tier.focus();
    await page.keyboard.press("ArrowDown");
    await expect(tier).toHaveValue("free");
    await page.keyboard.press("ArrowDown");
    await expect(tier).toHaveValue("pro");
    await page.waitForTimeout(1000);
    expect(new URL(page.url()).search).toBe("");

    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/\?tier=pro$/);

    // With a pointer, a change applies at once.
    await page.getByRole("combobox", { name: "Tier" }).selectOption("max");
    await expect(page).toHaveURL(/\/\?tier=max$/);
  });
});
