import AxeBuilder from "@axe-core/playwright";
import { test as base, expect } from "@playwright/test";
import { GalleryPage } from "./pages/gallery-page";
import { PersonaPage } from "./pages/persona-page";

type Fixtures = {
  gallery: GalleryPage;
  personaPage: PersonaPage;
  /** axe, configured the same way for every page checked. */
  makeAxeBuilder: () => AxeBuilder;
};

export const test = base.extend<Fixtures>({
  gallery: async ({ page }, provide) => {
    await provide(new GalleryPage(page));
  },
  personaPage: async ({ page }, provide) => {
    await provide(new PersonaPage(page));
  },
  makeAxeBuilder: async ({ page }, provide) => {
    await provide(() =>
      new AxeBuilder({ page }).withTags([
        "wcag2a",
        "wcag2aa",
        "wcag21a",
        "wcag21aa",
        "wcag22aa",
        "best-practice",
      ]),
    );
  },
});

export { expect };
