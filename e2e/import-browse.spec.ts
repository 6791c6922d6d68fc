import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { b64, pngWithText, v3Card } from "../lib/formats/__fixtures__/build";

// A collection from elsewhere (a Claude Code agent, a LobeHub agent, a Character Card inside a PNG)
// goes through `npm run content:import` into a folder, and a server started on that folder shows it.
const FIXTURES = path.join(process.cwd(), "lib/formats/__fixtures__");
const port = Number(process.env.E2E_PORT ?? 3210) + 60;
const origin = `http://127.0.0.1:${port}`;
let server: ChildProcess | undefined;
let outDir = "";
let importOutput = "";

test.describe.configure({ mode: "serial", timeout: 120_000 });

test.beforeAll(async () => {
  const sources = fs.mkdtempSync(path.join(os.tmpdir(), "import-src-"));
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), "import-out-"));
  fs.copyFileSync(path.join(FIXTURES, "code-reviewer.md"), path.join(sources, "code-reviewer.md"));
  fs.copyFileSync(path.join(FIXTURES, "lobehub-agent.json"), path.join(sources, "agent.json"));
  fs.writeFileSync(path.join(sources, "vega.png"), pngWithText({ ccv3: b64(v3Card("Captain Vega")) }));
  importOutput = execFileSync("npm", ["run", "--silent", "content:import", "--", sources, "--out", outDir], {
    encoding: "utf8",
  });
  // next's own bin, not npx: the pid is the server's, so afterAll stops the server itself.
  const next = path.join(process.cwd(), "node_modules/next/dist/bin/next");
  server = spawn(process.execPath, [next, "start", "-H", "127.0.0.1", "-p", String(port)], {
    env: {
      ...process.env,
      LOG_LEVEL: "warn",
      PERSONAS_DIR: outDir,
      DATABASE_PATH: path.join(fs.mkdtempSync(path.join(os.tmpdir(), "import-db-")), "a.db"),
      SITE_URL: origin,
    },
    stdio: "ignore",
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${origin}/api/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server on the imported folder did not become ready");
});

test.afterAll(() => {
  server?.kill("SIGTERM");
});

test("the import reports each file and writes persona files", () => {
  expect(importOutput).toMatch(/code-reviewer\.md: imported as \S*code-reviewer\.md \(claude-code/);
  expect(importOutput).toMatch(
    /vega\.png: imported as \S*captain-vega\.md \+ \S*captain-vega\.png \(card-png/,
  );
  expect(importOutput).toMatch(/agent\.json: imported as \S*typescript-expert\.md \(lobehub/);
  expect(importOutput).toContain("3 imported, 0 skipped");
  expect(
    fs
      .readdirSync(outDir)
      .filter((f) => f.endsWith(".md"))
      .sort(),
  ).toEqual(["captain-vega.md", "code-reviewer.md", "typescript-expert.md"]);
});

test("the imported personas are in the gallery, with the card's picture", async ({ page }) => {
  await page.goto(`${origin}/`);
  const cards = page.getByTestId("persona-card");
  await expect(cards).toHaveCount(3);
  await expect(page.getByRole("heading", { name: "TypeScript Expert" })).toBeVisible();
  const vega = cards.filter({ hasText: "Captain Vega" });
  const picture = vega.locator("img");
  await expect(picture).toHaveAttribute("src", /^\/personas\/captain-vega\/image(\?|$)/);
  // Loaded and decoded: the request may still be on its way when the card shows.
  await expect
    .poll(() => picture.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)))
    .toBeGreaterThan(0);
});

test("an imported persona's page shows its greeting and prompt, placeholders resolved", async ({ page }) => {
  await page.goto(`${origin}/personas/captain-vega`);
  await expect(page.getByRole("heading", { level: 1, name: "Captain Vega" })).toBeVisible();
  const main = page.getByRole("main");
  await expect(main).toContainText("I am Captain Vega");
  await expect(main).not.toContainText("{{char}}");
  await expect(main).not.toContainText("{{user}}");
});
