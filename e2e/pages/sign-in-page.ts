import { expect, type Locator, type Page } from "@playwright/test";

/** `/sign-in`: email and password, through next-auth's credentials provider. */
export class SignInPage {
  readonly heading: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Sign in" });
    this.email = page.getByLabel("Email");
    this.password = page.getByLabel("Password");
    this.submit = page.getByRole("button", { name: "Sign in" });
    // Scoped to the form: Next's route announcer is an alert too.
    this.error = page.locator("form").filter({ has: this.submit }).getByRole("alert");
  }

  async goto(callbackUrl?: string) {
    await this.page.goto(
      callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in",
    );
    await expect(this.heading).toBeVisible();
  }

  async fill({ email, password }: { email: string; password: string }) {
    await this.email.fill(email);
    await this.password.fill(password);
  }

  /** Submits the form and returns next-auth's answer (the credentials callback's response). */
  async signIn(credentials: { email: string; password: string }) {
    await this.fill(credentials);
    const response = this.page.waitForResponse(
      (r) => new URL(r.url()).pathname === "/api/auth/callback/credentials",
    );
    await this.submit.click();
    return response;
  }

  /** Signs in and waits to land on the account page. */
  async signInToAccount(credentials: { email: string; password: string }) {
    await this.goto();
    await this.signIn(credentials);
    await expect(this.page).toHaveURL(/\/account$/);
  }
}
