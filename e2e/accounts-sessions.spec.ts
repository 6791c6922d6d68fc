import { lockedSentences } from "../testing/e2e/catalog";
import { apiGet, expect, SIGN_IN_FOR_ACCOUNT, test } from "../testing/e2e/accounts";
import { AccountPage } from "./pages/account-page";
import { SignInPage } from "./pages/sign-in-page";

// Each test signs up one or two accounts (argon2 on the server) and drives up to three browsers:
// on a busy machine that can take longer than the default 30 seconds.
test.describe.configure({ timeout: 90_000 });

const PRO = "database-architect";
/** next-auth's cookie name over plain HTTP (the e2e server is http://127.0.0.1). */
const SESSION_COOKIE = "next-auth.session-token";

test("a session cookie replayed after sign-out is a visitor's", async ({
  context,
  baseURL,
  signUpPage,
  accountPage,
  credentials,
  proCodes,
  newPage,
}) => {
  await signUpPage.signUp(credentials);
  await accountPage.redeemCode(proCodes.take());
  await expect(accountPage.redeemStatus).toHaveText("Code redeemed: you now have Pro.");

  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
  expect(cookie, "session cookie").toBeDefined();
  const saved = { name: SESSION_COOKIE, value: cookie!.value, url: baseURL! };

  // Before sign-out the copied cookie is a working session: the replay is sound.
  const copy = await newPage();
  await copy.context().addCookies([saved]);
  await copy.goto("/account");
  await expect(new AccountPage(copy).email).toHaveText(credentials.email);
  expect(await (await apiGet(copy.request, `/api/personas/${PRO}`)).json()).toMatchObject({ locked: false });

  await accountPage.signOutHere();
  expect((await context.cookies()).find((c) => c.name === SESSION_COOKIE)).toBeUndefined();

  const replay = await newPage();
  await replay.context().addCookies([saved]);
  await replay.goto("/account");
  await expect(replay).toHaveURL(SIGN_IN_FOR_ACCOUNT);
  const api = await apiGet(replay.request, `/api/personas/${PRO}`);
  expect(api.status()).toBe(200);
  const detail = (await api.json()) as Record<string, unknown>;
  expect(detail).toMatchObject({ id: PRO, locked: true });
  expect(detail).not.toHaveProperty("body");
  expect(JSON.stringify(detail)).not.toContain(lockedSentences(PRO)[0]);
  const session = (await (await apiGet(replay.request, "/api/auth/session")).json()) as Record<
    string,
    unknown
  >;
  expect(session).not.toHaveProperty("user");

  // The copy made before sign-out died with it.
  await copy.goto("/account");
  await expect(copy).toHaveURL(/\/sign-in/);
});

test("changing the password ends the other sessions and keeps this one", async ({
  page,
  signUpPage,
  accountPage,
  credentials,
  newPage,
}) => {
  await signUpPage.signUp(credentials);
  const other = await newPage();
  const otherSignIn = new SignInPage(other);
  await otherSignIn.signInToAccount(credentials);
  await expect(new AccountPage(other).email).toHaveText(credentials.email);

  const newPassword = "a much longer passphrase, freshly chosen";
  await accountPage.changePasswordTo(credentials.password, newPassword);
  await expect(accountPage.passwordStatus).toHaveText(
    "Password changed. You were signed out everywhere else.",
  );

  await other.goto("/account");
  await expect(other).toHaveURL(SIGN_IN_FOR_ACCOUNT);

  await page.reload();
  await expect(accountPage.email).toHaveText(credentials.email);

  // The old password is gone; the new one works.
  await otherSignIn.goto();
  await otherSignIn.signIn(credentials);
  await expect(otherSignIn.error).toHaveText("Email or password is incorrect.");
  await otherSignIn.signIn({ email: credentials.email, password: newPassword });
  await expect(other).toHaveURL(/\/account$/);
});

test("a wrong current password changes nothing", async ({
  signUpPage,
  accountPage,
  credentials,
  newPage,
}) => {
  await signUpPage.signUp(credentials);
  const other = await newPage();
  await new SignInPage(other).signInToAccount(credentials);

  await accountPage.changePasswordTo("not my password", "another passphrase entirely");
  await expect(accountPage.currentPassword).toHaveAccessibleDescription("That is not your current password.");
  await other.goto("/account");
  await expect(new AccountPage(other).email).toHaveText(credentials.email);
});

test("sign out everywhere ends every session, this one included", async ({
  page,
  signUpPage,
  accountPage,
  credentials,
  newPage,
}) => {
  await signUpPage.signUp(credentials);
  const other = await newPage();
  await new SignInPage(other).signInToAccount(credentials);

  await accountPage.signOutEverywhere.click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=everywhere$/);
  await other.goto("/account");
  await expect(other).toHaveURL(/\/sign-in/);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in/);
});
