import { expect, test } from "./fixtures";

const bodyColor = (page: import("@playwright/test").Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test.describe("theme switch", () => {
  test.skip(({ isMobile }) => isMobile, "desktop");
  test.use({ colorScheme: "light" });

  test("System, Light and Dark: the choice is remembered and applied before the page paints", async ({
    page,
  }) => {
    await page.goto("/");
    const theme = page.getByRole("combobox", { name: "Theme" });
    await expect(theme).toHaveValue("system");
    const light = await bodyColor(page);

    await theme.selectOption("dark");
    await expect.poll(() => bodyColor(page)).not.toBe(light);
    const dark = await bodyColor(page);

    // Reloaded: dark already when the document is parsed, before any script of the app has run.
    await page.goto("/pricing", { waitUntil: "domcontentloaded" });
    expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);
    expect(await bodyColor(page)).toBe(dark);
    await expect(page.getByRole("combobox", { name: "Theme" })).toHaveValue("dark");

    // Light wins over a dark system; System follows it again.
    await page.emulateMedia({ colorScheme: "dark" });
    await page.getByRole("combobox", { name: "Theme" }).selectOption("light");
    await expect.poll(() => bodyColor(page)).toBe(light);
    await page.getByRole("combobox", { name: "Theme" }).selectOption("system");
    await expect.poll(() => bodyColor(page)).toBe(dark);
    await page.reload();
    expect(await bodyColor(page)).toBe(dark);
  });
});
