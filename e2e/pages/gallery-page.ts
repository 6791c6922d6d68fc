import { expect, type Locator, type Page } from "@playwright/test";

export type GalleryParams = {
  q?: string;
  category?: string;
  tag?: string;
  tier?: string;
  sort?: string;
  page?: string | number;
};

/** The persona gallery at `/`: search form, filters, category nav, result cards, pagination. */
export class GalleryPage {
  readonly form: Locator;
  readonly searchBox: Locator;
  readonly searchButton: Locator;
  readonly tagBox: Locator;
  readonly popularTags: Locator;
  readonly filtersToggle: Locator;
  readonly didYouMean: Locator;
  readonly tierSelect: Locator;
  readonly sortSelect: Locator;
  readonly applyButton: Locator;
  readonly resultCount: Locator;
  readonly resultsHeading: Locator;
  readonly cards: Locator;
  readonly categoryNav: Locator;
  readonly pagination: Locator;
  readonly emptyState: Locator;
  readonly notice: Locator;
  readonly clearFilters: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole("search", { name: "Search and filter personas" });
    this.searchBox = this.form.getByRole("searchbox", { name: "Search personas" });
    this.searchButton = this.form.getByRole("button", { name: "Search", exact: true });
    this.tagBox = this.form.getByRole("combobox", { name: "Tag" });
    this.popularTags = this.form.getByRole("navigation", { name: "Popular tags" });
    this.filtersToggle = this.form.getByText("Filters", { exact: false }).first();
    this.didYouMean = page.getByTestId("did-you-mean");
    this.tierSelect = this.form.getByLabel("Tier");
    this.sortSelect = this.form.getByLabel("Sort");
    this.applyButton = this.form.getByRole("button", { name: "Apply" });
    this.resultCount = page.getByTestId("result-count");
    this.resultsHeading = page.getByRole("heading", { level: 2 }).filter({ has: this.resultCount });
    this.cards = page.getByTestId("persona-card");
    this.categoryNav = page.getByRole("navigation", { name: "Categories" });
    this.pagination = page.getByRole("navigation", { name: "Pagination" });
    this.emptyState = page.getByTestId("empty-state");
    this.notice = page.getByRole("status");
    this.clearFilters = page.getByRole("link", { name: "Clear all filters" });
  }

  static href(params: GalleryParams = {}): string {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params))
      if (value !== undefined) search.set(key, String(value));
    const qs = search.toString();
    return qs ? `/?${qs}` : "/";
  }

  async goto(params: GalleryParams = {}) {
    await this.page.goto(GalleryPage.href(params));
    await expect(this.resultCount).toBeVisible();
  }

  /** The select filters submit themselves once the client script has attached its listener. */
  async waitForAutoSubmit() {
    await expect(this.page.locator("form[data-auto-submit=on]")).toHaveCount(1);
  }

  async search(query: string) {
    await this.searchBox.fill(query);
    await this.searchButton.click();
    await expect.poll(() => this.param("q")).toBe(query);
  }

  /** The label of the chosen sort order ("Best match", "Featured", ...). */
  selectedSort(): Locator {
    return this.sortSelect.locator("option:checked");
  }

  card(name: string): Locator {
    return this.cards.filter({ has: this.page.getByRole("heading", { name, exact: true }) });
  }

  /** Cards labelled with a category (the label is exact; tag chips read "#tag"). */
  cardsInCategory(label: string): Locator {
    return this.cards.filter({ has: this.page.getByText(label, { exact: true }) });
  }

  cardNames(): Promise<string[]> {
    return this.cards.getByRole("heading").allInnerTexts();
  }

  categoryLink(label: string): Locator {
    return this.categoryNav.getByRole("link", { name: new RegExp(`^${label}\\s*\\d+$`) });
  }

  /** The number a category link shows beside its label. */
  async categoryCount(label: string): Promise<number> {
    const text = await this.categoryLink(label).innerText();
    return Number(/(\d+)\s*$/.exec(text)?.[1]);
  }

  pageLink(n: number): Locator {
    return this.pagination.getByRole("link", { name: `Page ${n}`, exact: true });
  }

  async total(): Promise<number> {
    return Number(await this.resultCount.innerText());
  }

  param(name: string): string | null {
    return new URL(this.page.url()).searchParams.get(name);
  }
}
