import { MOJIBAKE } from "../testing/e2e/content-files";
import { expect, test } from "./fixtures";

// content/personas/backend-developer.md is saved mis-encoded on purpose (UTF-8 read as
// Windows-1252 and saved again); the app repairs it when it loads the catalog.
test.describe("mis-encoded seed persona", () => {
  test("its page shows the real emoji", async ({ personaPage }) => {
    await personaPage.goto("backend-developer");
    await expect(personaPage.avatar("Backend Developer")).toHaveText("⚙️");
    await expect(personaPage.greeting).toContainText("Hey! I'm your Backend Developer ⚙️");
    await expect(personaPage.greeting).toContainText("🔐 Authentication and authorization");
    await expect(personaPage.greeting).toContainText("real-time features — I've got you covered");
    await expect(personaPage.greeting).not.toContainText(MOJIBAKE);
  });

  test("no mojibake anywhere in its HTML, RSC payload or JSON", async ({ page, request }) => {
    await page.goto("/personas/backend-developer");
    const html = await page.content();
    expect(html).toContain("⚙️");
    expect(html).not.toMatch(MOJIBAKE);
    expect(html).not.toContain("âš™");
    expect(html).not.toContain("ðŸ");

    const rsc = await request.get("/personas/backend-developer", { headers: { RSC: "1" } });
    expect(rsc.headers()["content-type"]).toContain("text/x-component");
    expect(await rsc.text()).not.toMatch(MOJIBAKE);

    const api = await request.get("/api/personas/backend-developer");
    const json = await api.text();
    expect(json).not.toMatch(MOJIBAKE);
    expect(((await api.json()) as { avatar: string }).avatar).toBe("⚙️");
  });

  test("its gallery card shows the repaired avatar", async ({ gallery }) => {
    await gallery.goto({ q: "backend" });
    const card = gallery.card("Backend Developer");
    await expect(card).toContainText("⚙️");
    await expect(card).not.toContainText(MOJIBAKE);
  });
});
