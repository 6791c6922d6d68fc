import { expect, type Locator, type Page } from "@playwright/test";

/** `/studio` and its editor: a creator's handle, drafts, submissions and their reports. */
export class StudioPage {
  readonly report: Locator;
  readonly saveState: Locator;
  readonly preview: Locator;

  constructor(readonly page: Page) {
    this.report = page.getByTestId("review-report");
    this.saveState = page.getByTestId("save-state");
    this.preview = page.getByTestId("persona-preview");
  }

  async chooseHandle(handle: string) {
    await this.page.goto("/studio");
    await this.page.getByLabel("Your public handle").fill(handle);
    await this.page.getByRole("button", { name: "Choose handle" }).click();
    await expect(this.page.getByText(`@${handle}`)).toBeVisible();
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  async fill(fields: Record<string, string>) {
    for (const [label, value] of Object.entries(fields)) await this.field(label).fill(value);
  }

  async expectSaved() {
    await expect(this.saveState).toHaveText("All changes saved", { timeout: 10_000 });
  }

  async submit() {
    await this.expectSaved();
    await this.page.getByRole("button", { name: "Submit for review" }).click();
  }
}
