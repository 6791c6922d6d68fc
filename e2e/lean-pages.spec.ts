import type { Page } from "@playwright/test";
import { expect, test } from "../testing/e2e/accounts";
import { GalleryPage } from "./pages/gallery-page";

// A visitor's cached page comes without Next.js and React's client runtime (lib/http/lean-page.ts):
// its HTML, its styles and public/visitor.js, nothing else. A signed-in viewer gets the hydrated app.
test.skip(({ isMobile }) => isMobile, "desktop project; the phone width is set where it matters");

/** Every script the page makes the browser fetch, as paths. */
function watchScripts(page: Page) {
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname);
  });
  return scripts;
}

async function watchPolicy(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

test("a visitor's gallery and persona page load no framework script, and their filters still apply at once", async ({
  page,
}) => {
  const violations = await watchPolicy(page);
  const scripts = watchScripts(page);
  const gallery = new GalleryPage(page);
  await gallery.goto();
  await gallery.waitForAutoSubmit();
  await gallery.sortSelect.selectOption("name");
  await expect(page).toHaveURL(/[?&]sort=name(&|$)/);
  await gallery.waitForAutoSubmit();
  // Empty fields stay out of the URL, as in the hydrated app.
  expect(new URL(page.url()).search).toBe("?sort=name");

  await page
    .getByRole("link", { name: /Backend Developer/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/personas\/backend-developer$/);
  await expect(page.getByRole("link", { name: "Start chat" })).toBeVisible();

  expect(scripts.filter((s) => s.startsWith("/_next/"))).toEqual([]);
  expect([...new Set(scripts)].sort()).toEqual(["/theme-init.js", "/visitor.js"]);
  expect(await violations()).toEqual([]);
});

test("a visitor's pages: the theme picker remembers, and the phone menu opens and closes", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 800 });
  const scripts = watchScripts(page);
  await page.goto("/");
  const theme = page.getByRole("combobox", { name: "Theme" });
  await expect(theme).toHaveValue("system");
  await theme.selectOption("dark");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.goto("/pricing");
  await expect(page.getByRole("combobox", { name: "Theme" })).toHaveValue("dark");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);

  const button = page.getByRole("button", { name: "Menu" });
  const menu = page.getByRole("list", { name: "Menu" });
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeHidden();
  await button.click();
  await expect(menu).toBeVisible();
  await expect(button).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
  await button.click();
  await page.mouse.click(5, 700); // outside the menu
  await expect(menu).toBeHidden();
  await button.click();
  await menu.getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  expect(scripts.filter((s) => s.startsWith("/_next/") && !s.endsWith(".css"))).not.toEqual([]);
});

test("a signed-in viewer gets the hydrated app, with its own header, never the visitor's page", async ({
  page,
  signUpPage,
  credentials,
}) => {
  await signUpPage.signUp(credentials);
  const scripts = watchScripts(page);
  const response = await page.goto("/");
  expect(response!.headers()["x-page-cache"]).toBeUndefined();
  expect(response!.headers()["cache-control"]).toContain("private");
  await expect(page.getByTestId("account-link")).toContainText(credentials.email);
  expect(scripts.some((s) => s.startsWith("/_next/static/chunks/"))).toBe(true);
  expect(scripts).not.toContain("/visitor.js");
});
