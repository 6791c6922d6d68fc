import { lockedSentences, personaFile } from "../testing/e2e/catalog";
import { apiGet, expect, newCredentials, test } from "../testing/e2e/accounts";
import { AccountPage } from "./pages/account-page";
import { expectNothingOfTheBody } from "../testing/e2e/locked-body";
import { SignUpPage } from "./pages/sign-up-page";

// Each test signs up one or two accounts (argon2 on the server) and drives up to three browsers:
// on a busy machine that can take longer than the default 30 seconds.
test.describe.configure({ timeout: 90_000 });

const PRO = personaFile("database-architect");
const MAX = personaFile("staff-engineer");

test(
  "a Pro code unlocks Pro personas at once, not Max ones, and works only once",
  { tag: "@smoke" },
  async ({ page, signUpPage, accountPage, credentials, proCodes, newPage }) => {
    expect(PRO.tier).toBe("pro");
    expect(MAX.tier).toBe("max");
    const proSecrets = lockedSentences(PRO.id);
    const body = page.getByTestId("persona-body");
    const locked = page.getByTestId("locked-body");
    // The persona's own badge: the header's shows the viewer's tier.
    const badge = page.getByRole("main").getByTestId("tier-badge").first();

    await signUpPage.signUp(credentials);
    await accountPage.expectTier("Free");

    // Free: the Pro persona is locked, and nothing of its prompt is in the page at all.
    await page.goto(`/personas/${PRO.id}`);
    await expect(locked).toContainText("Part of Pro");
    await expect(locked.getByRole("link", { name: "See plans" })).toHaveAttribute("href", "/pricing");
    await expect(badge).toContainText("Pro (locked)");
    const lockedHtml = await page.content();
    // The server's own HTML and RSC payload for this signed-in Free viewer, as well as the DOM.
    const rawHtml = await (await apiGet(page.request, `/personas/${PRO.id}`)).text();
    const rsc = await page.request.get(`/personas/${PRO.id}`, { headers: { RSC: "1" } });
    expect(rsc.headers()["content-type"]).toContain("text/x-component");
    const rscText = await rsc.text();
    expect(rawHtml).toContain(PRO.name);
    expect(rscText).toContain(PRO.name);
    expectNothingOfTheBody(PRO.id, lockedHtml, "");
    expectNothingOfTheBody(PRO.id, rawHtml, rscText);

    // Redeem, with no new sign-in afterwards.
    const code = proCodes.take();
    await accountPage.goto();
    await accountPage.redeemCode(code);
    await expect(accountPage.redeemStatus).toHaveText("Code redeemed: you now have Pro.");
    await accountPage.goto();
    await accountPage.expectTier("Pro");
    await expect(accountPage.headerAccountLink.getByTestId("tier-badge")).toHaveText("Pro");

    await page.goto(`/personas/${PRO.id}`);
    await expect(page.getByRole("heading", { level: 2, name: "The persona's instructions" })).toBeVisible();
    await expect(locked).toHaveCount(0);
    await expect(badge).not.toContainText("locked");
    for (const secret of proSecrets) await expect(body).toContainText(secret);
    const api = await apiGet(page.request, `/api/personas/${PRO.id}`);
    expect(await api.json()).toMatchObject({
      id: PRO.id,
      locked: false,
      body: expect.stringContaining(proSecrets[0]!),
    });

    // Max stays locked for Pro.
    await page.goto(`/personas/${MAX.id}`);
    await expect(locked).toContainText("Part of Max");
    await expect(badge).toContainText("Max (locked)");
    expectNothingOfTheBody(MAX.id, await page.content(), "");

    // Someone else, with the same code: already used. A made-up code: unknown.
    const second = await newPage();
    await new SignUpPage(second).signUp(newCredentials("second"));
    const secondAccount = new AccountPage(second);
    await secondAccount.redeemCode(code);
    await secondAccount.expectRedeemRefused("That code has already been used.");
    await secondAccount.redeemCode("PM-GARB-AGE0-0000-0000");
    await secondAccount.expectRedeemRefused("That code doesn't exist. Check it for typos.");
    await secondAccount.goto();
    await secondAccount.expectTier("Free");
  },
);

test("a code can be typed in lower case without dashes", async ({
  signUpPage,
  accountPage,
  credentials,
  maxCodes,
}) => {
  await signUpPage.signUp(credentials);
  const code = maxCodes.take();
  await accountPage.redeemCode(` ${code.toLowerCase().replace(/-/g, " ")} `);
  await expect(accountPage.redeemStatus).toHaveText("Code redeemed: you now have Max.");
  await accountPage.goto();
  await accountPage.expectTier("Max");
});
