import { measureJs } from "../bench/js-size";
import { expect, test } from "./fixtures";

// What the app may add to Next.js and React's runtime on the gallery and a persona page. The
// runtime alone (about 129 KB gzipped with Next 16.4) is over the 100 KB for those pages.
const PAGE_CHUNKS_KB = 15;

test.describe("first-load JavaScript of the built pages, gzipped", () => {
  test.skip(({ isMobile }) => isMobile, "the same build for every screen");

  test(`chat within its budget; gallery and persona page at most ${PAGE_CHUNKS_KB} KB over the runtime`, async ({
    baseURL,
  }) => {
    const sizes = await measureJs(baseURL!, { personaId: "backend-developer", appDir: process.cwd() });
    for (const s of sizes) {
      expect(s.frameworkKB, "the build manifest names the runtime's chunks").toBeGreaterThan(50);
      if (s.page === "chat") expect.soft(s.gzipKB, s.path).toBeLessThanOrEqual(s.budgetKB);
      else expect.soft(s.gzipKB - s.frameworkKB!, s.path).toBeLessThanOrEqual(PAGE_CHUNKS_KB);
    }
  });
});
