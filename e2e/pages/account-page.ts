import { expect, type Locator, type Page } from "@playwright/test";

/** `/account`: plan and tier, redeem a code, change the password, sign out. */
export class AccountPage {
  readonly heading: Locator;
  readonly email: Locator;
  readonly tier: Locator;
  readonly redeemForm: Locator;
  readonly code: Locator;
  readonly redeem: Locator;
  readonly redeemStatus: Locator;
  readonly passwordForm: Locator;
  readonly currentPassword: Locator;
  readonly newPassword: Locator;
  readonly changePassword: Locator;
  readonly passwordStatus: Locator;
  readonly signOut: Locator;
  readonly signOutEverywhere: Locator;
  /** The site header's link to the account, shown only when signed in. */
  readonly headerAccountLink: Locator;
  readonly headerSignInLink: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Your account" });
    this.email = page.getByTestId("account-email");
    this.tier = page.getByTestId("account-tier");
    this.redeemForm = page.getByRole("form", { name: "Redeem a code" });
    this.code = this.redeemForm.getByLabel("Code");
    this.redeem = this.redeemForm.getByRole("button", { name: "Redeem" });
    this.redeemStatus = this.redeemForm.getByRole("status");
    this.passwordForm = page.getByRole("form", { name: "Change password" });
    this.currentPassword = this.passwordForm.getByLabel("Current password");
    this.newPassword = this.passwordForm.getByLabel("New password");
    this.changePassword = this.passwordForm.getByRole("button", { name: "Change password" });
    this.passwordStatus = this.passwordForm.getByRole("status");
    this.signOut = page.getByRole("button", { name: "Sign out", exact: true });
    this.signOutEverywhere = page.getByRole("button", { name: "Sign out everywhere" });
    const nav = page.getByRole("navigation", { name: "Main" });
    this.headerAccountLink = nav.getByTestId("account-link");
    this.headerSignInLink = nav.getByRole("link", { name: "Sign in" });
  }

  async goto() {
    await this.page.goto("/account");
    await expect(this.heading).toBeVisible();
  }

  async expectTier(label: "Free" | "Pro" | "Max") {
    await expect(this.tier).toHaveText(new RegExp(`\\b${label}\\b`));
  }

  /** Submits a code; the outcome shows as a status (success) or as the field's description (refusal). */
  async redeemCode(code: string) {
    await this.code.fill(code);
    await this.redeem.click();
  }

  async expectRedeemRefused(message: string | RegExp) {
    await expect(this.code).toHaveAttribute("aria-invalid", "true");
    await expect(this.code).toHaveAccessibleDescription(
      typeof message === "string" ? new RegExp(escape(message)) : message,
    );
  }

  async changePasswordTo(current: string, next: string) {
    await this.currentPassword.fill(current);
    await this.newPassword.fill(next);
    await this.changePassword.click();
  }

  /** Signs out through the UI and waits until the header says so. */
  async signOutHere() {
    await this.signOut.click();
    await expect(this.headerSignInLink).toBeVisible();
    await expect(this.headerAccountLink).toHaveCount(0);
  }
}

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
