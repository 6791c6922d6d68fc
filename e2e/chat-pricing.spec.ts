import { DAILY_MESSAGE_QUOTA } from "../lib/tiers";
import { expect, signUp, test } from "../testing/e2e/chat";

test.describe("pricing: daily messages and whose plan it is", () => {
  test.skip(({ isMobile }) => isMobile, "desktop");

  test("a visitor sees each plan's daily messages, and no plan marked as theirs", async ({ page }) => {
    await page.goto("/pricing");
    await expect(page.getByTestId("daily-free")).toHaveText(`${DAILY_MESSAGE_QUOTA.free} messages a day`);
    await expect(page.getByTestId("daily-pro")).toHaveText(`${DAILY_MESSAGE_QUOTA.pro} messages a day`);
    await expect(page.getByTestId("daily-max")).toHaveText(
      Number.isFinite(DAILY_MESSAGE_QUOTA.max)
        ? `${DAILY_MESSAGE_QUOTA.max} messages a day`
        : "Unlimited messages",
    );
    await expect(page.getByRole("main")).toContainText(`${DAILY_MESSAGE_QUOTA.guest} messages a day`);
    await expect(page.getByText("Your plan", { exact: true })).toHaveCount(0);
    await expect(
      page.getByTestId("plan-free").getByRole("link", { name: "Create a free account" }),
    ).toBeVisible();
  });

  test("a signed-in free user sees Free as their plan", async ({ page }) => {
    await signUp(page);
    await page.goto("/pricing");
    await expect(page.getByTestId("plan-free")).toContainText("Your plan");
    await expect(page.getByText("Your plan", { exact: true })).toHaveCount(1);
  });
});
