import { personaFile, personaFiles } from "../testing/e2e/content-files";
import { expect, test } from "./fixtures";

test.describe("metadata", () => {
  test("a persona page has its title, description, canonical URL and Open Graph tags", async ({
    personaPage,
    page,
  }) => {
    const persona = personaFile("database-architect");
    await personaPage.goto(persona.id);
    await expect(page).toHaveTitle(new RegExp(`^${persona.name} — Development persona`));
    const meta = (selector: string) => page.locator(selector).getAttribute("content");
    expect(await meta('meta[property="og:title"]')).toBe(persona.name);
    expect(await meta('meta[name="description"]')).toBeTruthy();
    const ogImage = new URL((await meta('meta[property="og:image"]'))!);
    expect(ogImage.pathname).toBe(`/personas/${persona.id}/opengraph-image`);
    expect(await page.locator('link[rel="canonical"]').getAttribute("href")).toMatch(
      new RegExp(`/personas/${persona.id}$`),
    );
  });

  test("the Open Graph image responds as a PNG", async ({ personaPage, page, request }) => {
    await personaPage.goto("frontend-developer");
    const ogImage = (await page.locator('meta[property="og:image"]').getAttribute("content"))!;
    const response = await request.get(ogImage);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
    expect((await response.body()).subarray(1, 4).toString("ascii")).toBe("PNG");
  });

  test("a filtered gallery is not indexed; the plain gallery is", async ({ page }) => {
    await page.goto("/?q=backend");
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    await page.goto("/");
    await expect(page.locator('meta[name="robots"]')).toHaveCount(0);
  });

  test("robots.txt points at the sitemap", async ({ request, baseURL }) => {
    const response = await request.get("/robots.txt");
    expect(response.status()).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/User-Agent: \*/i);
    expect(text).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
  });

  test("the sitemap lists every persona URL", async ({ request, baseURL }) => {
    const response = await request.get("/sitemap.xml");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("xml");
    const locs = [...(await response.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toContain(`${baseURL}/`);
    const expected = personaFiles().map((p) => `${baseURL}/personas/${p.id}`);
    expect(locs.filter((l) => l?.includes("/personas/")).sort()).toEqual(expected.sort());
  });
});
