import { lockedSentences, personaFile } from "../testing/e2e/content-files";
import { expect, test } from "./fixtures";

// Visitors have the free tier: a paid persona's page shows a preview and the locked sections'
// titles, and its full prompt never leaves the server, in any form the app serves.
const PAID = [
  { id: "database-architect", tier: "Pro" },
  { id: "staff-engineer", tier: "Max" },
] as const;

for (const { id, tier } of PAID) {
  test.describe(`${tier} persona ${id}`, () => {
    const persona = personaFile(id);
    const secrets = lockedSentences(id);

    test("shows the lock, the preview and the locked section titles", async ({ personaPage }) => {
      await personaPage.goto(id);
      await expect(personaPage.tierBadge).toContainText("🔒");
      await expect(personaPage.tierBadge).toContainText(`${tier} (locked)`);
      await expect(personaPage.body.getByRole("heading", { name: "Preview" })).toBeVisible();
      await expect(personaPage.lockedBody).toContainText(`The rest is part of ${tier}`);
      await expect(
        personaPage.lockedBody.getByRole("list", { name: "Locked sections" }).getByRole("listitem").first(),
      ).toBeVisible();
      await expect(personaPage.page.getByRole("link", { name: `Unlock with ${tier}` })).toBeVisible();
      await expect(personaPage.startChat).toHaveCount(0);
      // The preview: the intro is there.
      await expect(personaPage.body).toContainText(persona.name);
      await expect(personaPage.greeting).not.toBeEmpty();
    });

    test("the locked text is absent from the rendered page", async ({ personaPage, page }) => {
      await personaPage.goto(id);
      const html = await page.content();
      for (const secret of secrets) expect(html, secret).not.toContain(secret);
    });

    test("the locked text is absent from the raw HTML and the RSC payload", async ({ request }) => {
      const html = await request.get(`/personas/${id}`);
      expect(html.status()).toBe(200);
      const rsc = await request.get(`/personas/${id}`, { headers: { RSC: "1" } });
      expect(rsc.status()).toBe(200);
      expect(rsc.headers()["content-type"]).toContain("text/x-component");
      const htmlText = await html.text();
      const rscText = await rsc.text();
      expect(htmlText).toContain(persona.name);
      expect(rscText).toContain(persona.name);
      for (const secret of secrets) {
        expect(htmlText, secret).not.toContain(secret);
        expect(rscText, secret).not.toContain(secret);
      }
    });

    test("the locked text is absent from the JSON API", async ({ request }) => {
      const one = await request.get(`/api/personas/${id}`);
      expect(one.status()).toBe(200);
      const detail = (await one.json()) as Record<string, unknown>;
      expect(detail).toMatchObject({ id, locked: true });
      expect(detail).not.toHaveProperty("body");
      const list = await request.get(`/api/personas?q=${encodeURIComponent(persona.name)}`);
      for (const text of [await one.text(), await list.text()]) {
        for (const secret of secrets) expect(text, secret).not.toContain(secret);
      }
    });

    test("the OG image is a PNG and the sitemap carries no prompt text", async ({
      request,
      personaPage,
      page,
    }) => {
      await personaPage.goto(id);
      const ogImage = await page.locator('meta[property="og:image"]').getAttribute("content");
      const image = await request.get(ogImage!);
      expect(image.status()).toBe(200);
      expect(image.headers()["content-type"]).toBe("image/png");
      const bytes = await image.body();
      expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      const binary = bytes.toString("latin1");
      for (const secret of secrets) expect(binary).not.toContain(secret);

      const sitemap = await (await request.get("/sitemap.xml")).text();
      expect(sitemap).toContain(`/personas/${id}`);
      for (const secret of secrets) expect(sitemap, secret).not.toContain(secret);
    });
  });
}

test.describe("free persona", () => {
  test("its whole body is on the page", async ({ personaPage, request }) => {
    const id = "frontend-developer";
    await personaPage.goto(id);
    await expect(personaPage.lockedBody).toHaveCount(0);
    await expect(personaPage.body.getByRole("heading", { name: "The persona's instructions" })).toBeVisible();
    // The same extraction that finds the locked text of paid personas finds it here, in full.
    for (const sentence of lockedSentences(id, 10)) await expect(personaPage.body).toContainText(sentence);
    const headings = personaFile(id)
      .body.match(/^## .+$/gm)!
      .map((h) => h.slice(3).trim());
    for (const h of headings)
      await expect(personaPage.body.getByRole("heading", { name: h, exact: true })).toBeVisible();

    const detail = (await (await request.get(`/api/personas/${id}`)).json()) as {
      locked: boolean;
      body: string;
    };
    expect(detail.locked).toBe(false);
    expect(detail.body).toBe(personaFile(id).body.trim());
  });
});
