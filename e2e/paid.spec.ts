import { lockedSentences, personaFile, sectionTitles, TIER_LABELS } from "../testing/e2e/content-files";
import { expect, test } from "./fixtures";
import { escapeHtml, expectNothingOfTheBody } from "../testing/e2e/locked-body";

// Visitors have the free tier: a paid persona's page shows its frontmatter (name, description,
// greeting), the prompt's estimated size and how to unlock it, and nothing of the prompt itself
// (no preview, no section titles), in any form the app serves.
const PAID = [
  { id: "database-architect", tier: "Pro" },
  { id: "staff-engineer", tier: "Max" },
] as const;

test("the extraction finds the body's sentences and titles, as they appear on an unlocked page", async ({
  request,
}) => {
  // A free persona: the same checks that must pass for paid pages must fail here.
  const id = "frontend-developer";
  const html = await (await request.get(`/personas/${id}`)).text();
  const rsc = await (await request.get(`/personas/${id}`, { headers: { RSC: "1" } })).text();
  expect(() => expectNothingOfTheBody(id, html, "")).toThrow();
  expect(() => expectNothingOfTheBody(id, "", rsc)).toThrow();
  for (const title of sectionTitles(id)) {
    expect(html, title).toContain(`>${escapeHtml(title)}<`);
    expect(rsc, title).toContain(JSON.stringify(title));
  }
  for (const sentence of lockedSentences(id)) expect(html, sentence).toContain(sentence);
});

for (const { id, tier } of PAID) {
  test.describe(`${tier} persona ${id}`, () => {
    const persona = personaFile(id);
    const secrets = lockedSentences(id);

    test("shows the lock, the prompt's size and how to unlock it, and nothing of the prompt", async ({
      personaPage,
      request,
    }) => {
      expect(TIER_LABELS[persona.tier]).toBe(tier);
      await personaPage.goto(id);
      await expect(personaPage.tierBadge).toContainText("🔒");
      await expect(personaPage.tierBadge).toContainText(`${tier} (locked)`);
      // The frontmatter is public: name, description, greeting.
      await expect(personaPage.heading).toHaveText(persona.name);
      await expect(personaPage.page.getByText(persona.description, { exact: true })).toBeVisible();
      await expect(personaPage.greeting).toContainText(persona.greeting.split("\n")[0]!.slice(0, 20));

      const { promptTokens } = (await (await request.get(`/api/personas/${id}`)).json()) as {
        promptTokens: number;
      };
      expect(promptTokens).toBeGreaterThan(100);
      const size =
        promptTokens >= 1000 ? `~${Math.round(promptTokens / 100) / 10}k tokens` : `~${promptTokens} tokens`;
      await expect(personaPage.lockedBody).toContainText(`🔒 Part of ${tier}`);
      await expect(personaPage.lockedBody).toContainText(`A prompt of ${size} (estimated)`);
      await expect(personaPage.fact("Prompt size")).toHaveText(`${size} (estimated)`);
      await expect(personaPage.lockedBody.getByRole("link", { name: "Sign up" })).toHaveAttribute(
        "href",
        `/sign-up?callbackUrl=${encodeURIComponent(`/personas/${id}`)}`,
      );
      await expect(personaPage.lockedBody.getByRole("link", { name: "sign in" })).toBeVisible();
      await expect(personaPage.page.getByRole("link", { name: `Unlock with ${tier}` })).toBeVisible();
      await expect(personaPage.startChat).toHaveCount(0);

      // The prompt section holds its own heading and the call to unlock: no rendered prompt.
      await expect(personaPage.body.getByRole("heading")).toHaveText(["The persona's instructions"]);
      await expect(personaPage.body.getByRole("listitem")).toHaveCount(0);
      const text = await personaPage.body.innerText();
      for (const secret of secrets) expect(text, secret).not.toContain(secret);
      for (const title of sectionTitles(id)) expect(text, title).not.toContain(title);
    });

    test("nothing of the prompt is in the rendered page", async ({ personaPage, page }) => {
      await personaPage.goto(id);
      const html = await page.content();
      expectNothingOfTheBody(id, html, html);
    });

    test("nothing of the prompt is in the raw HTML, the RSC payload or the metadata", async ({ request }) => {
      const html = await request.get(`/personas/${id}`);
      expect(html.status()).toBe(200);
      const rsc = await request.get(`/personas/${id}`, { headers: { RSC: "1" } });
      expect(rsc.status()).toBe(200);
      expect(rsc.headers()["content-type"]).toContain("text/x-component");
      const htmlText = await html.text();
      const rscText = await rsc.text();
      expect(htmlText).toContain(persona.name);
      expect(rscText).toContain(persona.name);
      expectNothingOfTheBody(id, htmlText, rscText);
      // The description and JSON-LD are the frontmatter's description.
      const description = /<meta name="description" content="([^"]*)"/.exec(htmlText)?.[1];
      expect(description).toBe(escapeHtml(persona.description));
      const jsonLd = /<script type="application\/ld\+json"[^>]*>(.*?)<\/script>/.exec(htmlText)?.[1];
      expect(JSON.parse(jsonLd!)).toMatchObject({ name: persona.name, description: persona.description });
    });

    test("the locked text is absent from the JSON API", async ({ request }) => {
      const one = await request.get(`/api/personas/${id}`);
      expect(one.status()).toBe(200);
      const detail = (await one.json()) as Record<string, unknown>;
      expect(detail).toMatchObject({ id, locked: true });
      for (const key of ["body", "preview", "lockedHeadings"]) expect(detail).not.toHaveProperty(key);
      expect(detail.promptTokens).toEqual(expect.any(Number));
      const list = await request.get(`/api/personas?q=${encodeURIComponent(persona.name)}`);
      // Read like an RSC payload: JSON strings.
      for (const text of [await one.text(), await list.text()]) expectNothingOfTheBody(id, "", text);
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
