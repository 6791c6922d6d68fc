import { CATEGORY_LABELS, personaFile, personaFiles } from "../testing/e2e/content-files";
import { expect, test } from "./fixtures";

test.describe("persona page", () => {
  test("opens from a card and shows avatar, greeting, starters, tools, model and version", async ({
    gallery,
    personaPage,
    page,
  }) => {
    const frontend = personaFile("frontend-developer");
    await gallery.goto();
    await gallery.card(frontend.name).click();
    await expect(page).toHaveURL("/personas/frontend-developer");

    await expect(personaPage.heading).toHaveText(frontend.name);
    await expect(personaPage.avatar(frontend.name)).toHaveText("🎨");
    await expect(personaPage.greeting).toContainText("Hi, I'm your Frontend Developer 🎨");
    await expect(personaPage.starters).toHaveText(frontend.starters);
    await expect(personaPage.tools()).toHaveText(frontend.tools);
    await expect(personaPage.fact("Model")).toHaveText(frontend.model);
    await expect(personaPage.fact("Version")).toHaveText(frontend.version);
    await expect(personaPage.fact("Tier")).toHaveText("Free");
    await expect(personaPage.tierBadge).toHaveText("Free");
  });

  test("the greeting is the first bubble, before the starters and the body", async ({ personaPage }) => {
    await personaPage.goto("frontend-developer");
    const top = async (l: import("@playwright/test").Locator) => (await l.boundingBox())!.y;
    expect(await top(personaPage.greeting)).toBeLessThan(await top(personaPage.starters.first()));
    expect(await top(personaPage.starters.first())).toBeLessThan(await top(personaPage.body));
  });

  test("a starter leads to the chat with that prompt", async ({ personaPage }) => {
    const frontend = personaFile("frontend-developer");
    await personaPage.goto("frontend-developer");
    const href = await personaPage.starters.first().getAttribute("href");
    const url = new URL(href!, "http://x");
    expect(url.pathname).toBe("/chat");
    expect(url.searchParams.get("persona")).toBe("frontend-developer");
    expect(url.searchParams.get("prompt")).toBe(frontend.starters[0]);
  });

  test("category and tag links lead to the filtered gallery", async ({ personaPage, gallery, page }) => {
    test.slow(); // several page loads in a row
    const frontend = personaFile("frontend-developer");
    const label = CATEGORY_LABELS[frontend.category]!;
    await personaPage.goto("frontend-developer");
    await personaPage.categoryLink(label).click();
    await expect(page).toHaveURL(`/?category=${frontend.category}`);
    await expect(gallery.categoryLink(label)).toHaveAttribute("aria-current", "page");
    await expect(gallery.resultCount).toHaveText(
      String(personaFiles().filter((p) => p.category === frontend.category).length),
    );

    await personaPage.goto("frontend-developer");
    const tag = frontend.tags[0]!;
    await personaPage.tagLink(tag).click();
    await expect(page).toHaveURL(`/?tag=${tag}`);
    await expect(gallery.tagBox).toHaveValue(tag);
    const tagged = personaFiles()
      .filter((p) => p.tags.includes(tag))
      .map((p) => p.name)
      .sort();
    await expect(gallery.resultCount).toHaveText(String(tagged.length));
    expect((await gallery.cardNames()).sort()).toEqual(tagged);
  });

  test("the breadcrumb leads back to the gallery and the category", async ({ personaPage, page }) => {
    await personaPage.goto("database-architect");
    await expect(personaPage.breadcrumb.getByRole("link", { name: "Personas" })).toHaveAttribute("href", "/");
    await personaPage.breadcrumb.getByRole("link", { name: "Development" }).click();
    await expect(page).toHaveURL("/?category=development");
  });

  test("works-well-with and paired-with-by link both ways", async ({ personaPage, page }) => {
    test.slow(); // several page loads in a row
    const backend = personaFile("backend-developer");
    const partner = personaFile(backend.worksWellWith[0]!);
    await personaPage.goto(backend.id);
    await expect(personaPage.worksWellWith.getByTestId("persona-card").getByRole("heading")).toHaveText(
      backend.worksWellWith.map((id) => personaFile(id).name),
    );

    await personaPage.relatedLink(personaPage.worksWellWith, partner.name).click();
    await expect(page).toHaveURL(`/personas/${partner.id}`);
    await expect(personaPage.heading).toHaveText(partner.name);
    const pairers = personaFiles().filter((p) => p.worksWellWith.includes(partner.id));
    await expect(personaPage.pairedWithBy.getByTestId("persona-card")).toHaveCount(pairers.length);

    await personaPage.relatedLink(personaPage.pairedWithBy, backend.name).click();
    await expect(page).toHaveURL(`/personas/${backend.id}`);
    await expect(personaPage.heading).toHaveText(backend.name);
  });

  test("paired-with-by lists exactly the personas that link here", async ({ personaPage }) => {
    const target = "staff-engineer";
    const pairers = personaFiles().filter((p) => p.worksWellWith.includes(target));
    test.skip(pairers.length === 0, "nobody pairs with this persona");
    await personaPage.goto(target);
    const names = await personaPage.pairedWithBy
      .getByTestId("persona-card")
      .getByRole("heading")
      .allInnerTexts();
    expect(names.sort()).toEqual(pairers.map((p) => p.name).sort());
  });

  test("Start chat leads to the chat page for this persona, not a 404", async ({
    personaPage,
    page,
    request,
  }) => {
    await personaPage.goto("frontend-developer");
    const href = await personaPage.startChat.getAttribute("href");
    expect((await request.get(href!)).status()).toBe(200);

    await personaPage.startChat.click();
    await expect(page).toHaveURL("/chat?persona=frontend-developer");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Chat with Frontend Developer");
    await expect(page.getByRole("heading", { name: "Page not found" })).toHaveCount(0);
    await expect(
      page.getByRole("main").locator('a[href="/personas/frontend-developer"]').first(),
    ).toBeVisible();
  });
});
