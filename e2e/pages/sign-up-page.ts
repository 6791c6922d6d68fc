import { expect, type Locator, type Page } from "@playwright/test";

/** `/sign-up`: a new account, signed in at once. */
export class SignUpPage {
  readonly heading: Locator;
  readonly name: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Create your account" });
    this.name = page.getByLabel("Name (optional)");
    this.email = page.getByLabel("Email");
    this.password = page.getByLabel("Password");
    this.submit = page.getByRole("button", { name: "Create account" });
  }

  async goto() {
    await this.page.goto("/sign-up");
    await expect(this.heading).toBeVisible();
  }

  /** Creates the account and waits to land on the account page, signed in. */
  async signUp({ email, password, name }: { email: string; password: string; name?: string }) {
    await this.goto();
    if (name) await this.name.fill(name);
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
    await expect(this.page).toHaveURL(/\/account(\?welcome=1)?$/);
  }
}
