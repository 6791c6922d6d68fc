import { measureJs } from "../bench/js-size";
import { expect, test } from "../testing/e2e/accounts";

// What the app may add to Next.js and React's runtime on a signed-in viewer's gallery and persona
// page. The runtime alone (about 129 KB gzipped with Next 16.4) is over the 100 KB for those
// pages, which is why a visitor's cached pages are served without it (lib/http/lean-page.ts).
const PAGE_CHUNKS_KB = 15;

test.describe("first-load JavaScript of the built pages, gzipped", () => {
  test.skip(({ isMobile }) => isMobile, "the same build for every screen");

  test("a visitor's gallery, persona page and chat are within their budgets", async ({ baseURL }) => {
    const sizes = await measureJs(baseURL!, { personaId: "backend-developer", appDir: process.cwd() });
    expect(sizes.map((s) => s.page)).toEqual(["gallery", "persona page", "chat"]);
    for (const s of sizes) expect.soft(s.gzipKB, s.path).toBeLessThanOrEqual(s.budgetKB);
    // The chat is the hydrated app for everyone; the gallery and persona page carry none of it.
    expect(sizes[2]!.frameworkKB, "the build manifest names the runtime's chunks").toBeGreaterThan(50);
    for (const s of sizes.slice(0, 2)) {
      expect(s.frameworkKB, s.path).toBe(0);
      expect(s.scripts, s.path).toBeGreaterThan(0);
    }
  });

  test(`signed in: the app adds at most ${PAGE_CHUNKS_KB} KB to the runtime on the gallery and a persona page`, async ({
    page,
    baseURL,
    signUpPage,
    credentials,
  }) => {
    await signUpPage.signUp(credentials);
    const cookie = (await page.context().cookies())
      .filter((c) => c.name.includes("next-auth"))
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
    expect(cookie).toContain("session-token");
    const sizes = await measureJs(baseURL!, {
      personaId: "backend-developer",
      appDir: process.cwd(),
      cookie,
    });
    for (const s of sizes) {
      expect(s.viewer).toBe("signed-in");
      expect(s.frameworkKB, s.path).toBeGreaterThan(50);
      if (s.page === "chat") expect.soft(s.gzipKB, s.path).toBeLessThanOrEqual(s.budgetKB);
      else expect.soft(s.gzipKB - s.frameworkKB!, s.path).toBeLessThanOrEqual(PAGE_CHUNKS_KB);
    }
  });
});
