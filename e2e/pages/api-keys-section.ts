import { expect, type Locator, type Page } from "@playwright/test";

/** The API keys section of `/account`: create a named key (shown once), list, revoke. */
export class ApiKeysSection {
  readonly section: Locator;
  readonly createForm: Locator;
  readonly name: Locator;
  readonly create: Locator;
  readonly newKey: Locator;
  readonly copy: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole("region", { name: "API keys" });
    this.createForm = this.section.getByRole("form", { name: "Create an API key" });
    this.name = this.createForm.getByLabel("Key name");
    this.create = this.createForm.getByRole("button", { name: "Create key" });
    this.newKey = this.section.getByTestId("new-api-key");
    this.copy = this.section.getByRole("button", { name: /^Cop(y|ied)$/ });
    this.table = this.section.getByRole("table", { name: "Your API keys" });
  }

  row(name: string): Locator {
    return this.table.getByRole("row").filter({ hasText: name });
  }

  /** Creates a key and returns it, as the page shows it this once. */
  async createKey(name: string): Promise<string> {
    await this.name.fill(name);
    await this.create.click();
    await expect(this.newKey).toHaveValue(/^pm_[A-Za-z0-9_-]{43}$/);
    return this.newKey.inputValue();
  }

  async revoke(name: string) {
    await this.row(name)
      .getByRole("button", { name: `Revoke ${name}` })
      .click();
    await expect(this.row(name)).toHaveCount(0);
  }
}
