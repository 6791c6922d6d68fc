import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

async function horizontalOverflow(page: Page) {
  return page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
  }));
}

async function expectNoHorizontalOverflow(page: Page) {
  const { scrollWidth, innerWidth } = await horizontalOverflow(page);
  expect(scrollWidth, `page is ${scrollWidth}px wide in a ${innerWidth}px viewport`).toBeLessThanOrEqual(
    innerWidth,
  );
}

test.describe("small screens", () => {
  test("the gallery fits the screen and the search box works", async ({ gallery }) => {
    await gallery.goto();
    await expectNoHorizontalOverflow(gallery.page);
    await expect(gallery.searchBox).toBeInViewport();
    await expect(gallery.searchButton).toBeInViewport();
    await gallery.search("backend");
    await expect(gallery.cards.first().getByRole("heading")).toHaveText("Backend Developer");
    await expectNoHorizontalOverflow(gallery.page);
  });

  test("on a phone the filters fold away, so the first persona is on the first screen", async ({
    gallery,
    isMobile,
  }) => {
    test.skip(!isMobile, "the phone project");
    await gallery.goto();
    await expect(gallery.cards.first()).toBeInViewport();
    await expect(gallery.tierSelect).toBeHidden();
    await gallery.filtersToggle.click();
    await expect(gallery.tierSelect).toBeVisible();
    // A filter in use keeps them open.
    await gallery.goto({ tier: "max" });
    await expect(gallery.tierSelect).toBeVisible();
  });

  for (const id of ["frontend-developer", "database-architect", "backend-developer"]) {
    test(`the persona page ${id} fits the screen`, async ({ personaPage }) => {
      await personaPage.goto(id);
      await expect(personaPage.greeting).toBeVisible();
      await expectNoHorizontalOverflow(personaPage.page);
    });
  }

  test("the 404 page fits the screen", async ({ page }) => {
    await page.goto("/personas/does-not-exist");
    await expectNoHorizontalOverflow(page);
  });
});
