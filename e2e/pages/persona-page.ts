import { expect, type Locator, type Page } from "@playwright/test";

/** A persona's detail page at `/personas/:id`. */
export class PersonaPage {
  readonly heading: Locator;
  readonly greeting: Locator;
  readonly starters: Locator;
  readonly body: Locator;
  readonly lockedBody: Locator;
  readonly tierBadge: Locator;
  readonly taxonomy: Locator;
  readonly worksWellWith: Locator;
  readonly pairedWithBy: Locator;
  readonly startChat: Locator;
  readonly breadcrumb: Locator;

  constructor(readonly page: Page) {
    // The page's own title; the rendered prompt below may carry headings of its own.
    this.heading = page.getByRole("heading", { level: 1 }).first();
    this.greeting = page.getByTestId("greeting");
    this.starters = page.getByRole("region", { name: "Conversation starters" }).getByRole("link");
    this.body = page.getByTestId("persona-body");
    this.lockedBody = page.getByTestId("locked-body");
    // In main (the site header may carry the viewer's own badge), before any related cards' badges.
    this.tierBadge = page.getByRole("main").getByTestId("tier-badge").first();
    this.taxonomy = page.getByRole("list", { name: "Category and tags" });
    this.worksWellWith = page.getByTestId("works-well-with");
    this.pairedWithBy = page.getByTestId("paired-with-by");
    this.startChat = page.getByRole("link", { name: "Start chat" });
    this.breadcrumb = page.getByRole("navigation", { name: "Breadcrumb" });
  }

  async goto(id: string) {
    const response = await this.page.goto(`/personas/${id}`);
    await expect(this.heading).toBeVisible();
    return response;
  }

  avatar(name: string): Locator {
    return this.page.getByRole("img", { name: `${name} avatar` });
  }

  /** A value from the facts list (Model, Version, Tier, Author, Tools). */
  fact(term: string): Locator {
    return this.page
      .getByRole("term")
      .filter({ hasText: new RegExp(`^${term}$`) })
      .locator("xpath=following-sibling::dd[1]");
  }

  tools(): Locator {
    return this.fact("Tools").getByRole("listitem");
  }

  categoryLink(label: string): Locator {
    return this.taxonomy.getByRole("link", { name: label, exact: true });
  }

  tagLink(tag: string): Locator {
    return this.taxonomy.getByRole("link", { name: `#${tag}`, exact: true });
  }

  relatedLink(section: Locator, name: string): Locator {
    return section.getByRole("link", { name, exact: true });
  }
}
