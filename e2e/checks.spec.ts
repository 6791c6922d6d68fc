import { randomBytes } from "node:crypto";
import { test, expect, newCredentials } from "../testing/e2e/accounts";
import { grantRole } from "../testing/e2e/roles";
import { SignUpPage } from "./pages/sign-up-page";
import { StudioPage } from "./pages/studio-page";

// A creator writes two checks in the editor; on submit they run against the fake model after the
// answer (one passes: the fake's reply says "deterministic"; one fails: it says "fake model"). The
// draft page shows each result; once approved, the persona page says "Passes 1 of 2 checks".
test.describe("persona checks", () => {
  test.describe.configure({ timeout: 120_000 });

  test("run on submit, reported in the studio and summed up on the persona page", async ({
    page,
    signUpPage,
    credentials,
    newPage,
  }) => {
    const handle = `k${randomBytes(4).toString("hex")}`;
    const word = `lighthouse${randomBytes(3).toString("hex")}`;
    const studio = new StudioPage(page);
    await signUpPage.signUp({ ...credentials, name: "Checker" });
    await studio.chooseHandle(handle);
    await page.getByRole("link", { name: "New persona" }).click();
    await studio.fill({
      Name: "Lighthouse Keeper",
      Address: "lighthouse-keeper",
      Description: "Explains how lighthouses guide ships at night.",
      Tags: "lighthouses, sailing",
      Greeting: "Which light are you steering by?",
      "Prompt (markdown)": [
        "# Lighthouse Keeper",
        "",
        `You are a retired keeper who explains ${word} lore: lenses, light sequences and fog signals.`,
        "",
        "- Name the light's character (flashes, colour, period) when a sailor describes one.",
        "- Say how the Fresnel lens bends the lamp's light into a beam seen far out at sea.",
      ].join("\n"),
      Changelog: "First version",
    });
    await page.getByRole("button", { name: "Add a check" }).click();
    await studio.field("Check 1: message").fill("Say hello");
    await studio.field("Check 1: must contain").fill("deterministic");
    await page.getByRole("button", { name: "Add a check" }).click();
    await studio.field("Check 2: message").fill("Anything");
    await studio.field("Check 2: must not contain").fill("/fake\\s+model/");
    await studio.submit();
    await expect(studio.report).not.toHaveAttribute("data-verdict", "refused");
    await expect(page.getByTestId("checks-running")).toContainText("2 checks are running");

    // The checks ran after the answer: a reload shows each result.
    const report = page.getByTestId("checks-report");
    await expect(async () => {
      await page.reload();
      await expect(report).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(report).toContainText("Passes 1 of 2 checks");
    await expect(report.getByTestId("check-result")).toHaveCount(2);
    await expect(report.locator('[data-status="passed"]')).toContainText("Say hello");
    await expect(report.locator('[data-status="failed"]')).toContainText("contains /fake\\s+model/");

    const id = `${handle}--lighthouse-keeper`;
    const moderatorCredentials = newCredentials("moderator");
    const moderator = await newPage();
    await new SignUpPage(moderator).signUp({ ...moderatorCredentials, name: "Mod" });
    grantRole(moderatorCredentials.email, "moderator");
    await moderator.goto("/moderation");
    const item = moderator.locator(`[data-testid="queue-item"][data-persona="${id}"]`);
    await item.getByRole("button", { name: "Approve" }).click();
    await expect(item).toHaveCount(0);

    const visitor = await newPage();
    await expect(async () => {
      await visitor.goto(`/personas/${id}`);
      await expect(visitor.getByTestId("checks-summary")).toContainText("Passes 1 of 2 checks", {
        timeout: 1_000,
      });
    }).toPass({ timeout: 15_000 });
  });
});
