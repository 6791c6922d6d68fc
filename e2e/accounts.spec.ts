import { TIER_LABELS, TIERS, personaFiles, unlockedBy } from "../testing/e2e/catalog";
import { expect, SIGN_IN_FOR_ACCOUNT, test, uniqueEmail } from "../testing/e2e/accounts";
import { SignInPage } from "./pages/sign-in-page";
import { SignUpPage } from "./pages/sign-up-page";

// Each test signs up one or two accounts (argon2 on the server) and drives up to three browsers:
// on a busy machine that can take longer than the default 30 seconds.
test.describe.configure({ timeout: 90_000 });

test.describe("accounts", () => {
  test(
    "sign up lands on the account page on Free; sign out; sign in again",
    { tag: "@smoke" },
    async ({ page, signUpPage, signInPage, accountPage, credentials }) => {
      await signUpPage.signUp(credentials);
      await expect(accountPage.heading).toBeVisible();
      await expect(accountPage.email).toHaveText(credentials.email);
      await accountPage.expectTier("Free");
      await expect(accountPage.headerAccountLink).toContainText(credentials.email);
      await expect(accountPage.headerAccountLink.getByTestId("tier-badge")).toHaveText("Free");
      await expect(accountPage.headerSignInLink).toHaveCount(0);

      await accountPage.signOutHere();
      await expect(page).toHaveURL(/\/$/);

      await signInPage.goto();
      const response = await signInPage.signIn(credentials);
      expect(response.status()).toBe(200);
      await expect(page).toHaveURL(/\/account$/);
      await expect(accountPage.email).toHaveText(credentials.email);
      await accountPage.expectTier("Free");
      await expect(accountPage.headerAccountLink).toContainText(credentials.email);
    },
  );

  test("a wrong password and an unknown email get the same answer", async ({
    signUpPage,
    credentials,
    newPage,
  }) => {
    await signUpPage.signUp(credentials);
    // A second browser, signed out.
    const signIn = new SignInPage(await newPage());
    await signIn.goto();

    const wrongPassword = await signIn.signIn({
      email: credentials.email,
      password: `${credentials.password}!`,
    });
    await expect(signIn.error).toHaveText("Email or password is incorrect.");
    const unknownEmail = await signIn.signIn({
      email: uniqueEmail("nobody"),
      password: credentials.password,
    });
    await expect(signIn.error).toHaveText("Email or password is incorrect.");

    // Nothing on the wire tells the two apart either.
    expect(wrongPassword.status()).toBe(401);
    expect(unknownEmail.status()).toBe(401);
    expect(await wrongPassword.json()).toEqual(await unknownEmail.json());
    await expect(signIn.page).toHaveURL(/\/sign-in$/);
    await expect(
      signIn.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" }),
    ).toBeVisible();
  });

  test("a visitor opening /account is sent to sign in, and back after", async ({
    page,
    signInPage,
    accountPage,
    credentials,
    newPage,
  }) => {
    // The account exists (made in another browser); this one is a visitor.
    await new SignUpPage(await newPage()).signUp(credentials);

    await page.goto("/account");
    await expect(page).toHaveURL(SIGN_IN_FOR_ACCOUNT);
    await expect(signInPage.heading).toBeVisible();
    await expect(accountPage.heading).toHaveCount(0);

    await signInPage.signIn(credentials);
    await expect(page).toHaveURL(/\/account$/);
    await expect(accountPage.email).toHaveText(credentials.email);
  });
});

test("pricing shows the three plans with what each unlocks, counted from the catalog", async ({ page }) => {
  const total = personaFiles().length;
  await page.goto("/pricing");
  await expect(page.getByRole("heading", { level: 1, name: "Plans" })).toBeVisible();
  await expect(page.getByTestId(/^plan-/)).toHaveCount(3);
  for (const tier of TIERS) {
    const plan = page.getByTestId(`plan-${tier}`);
    await expect(plan.getByRole("heading", { level: 2 })).toHaveText(TIER_LABELS[tier]);
    await expect(plan.getByTestId(`unlocks-${tier}`)).toHaveText(String(unlockedBy(tier)));
    await expect(plan).toContainText(`${unlockedBy(tier)} of ${total} personas`);
  }
  // Each plan unlocks more than the one below it, and Max unlocks everything.
  expect(unlockedBy("free")).toBeLessThan(unlockedBy("pro"));
  expect(unlockedBy("pro")).toBeLessThan(unlockedBy("max"));
  expect(unlockedBy("max")).toBe(total);
});
