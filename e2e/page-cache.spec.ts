import http from "node:http";
import type { APIResponse, Page } from "@playwright/test";
import { lockedSentences } from "../testing/e2e/catalog";
import { expect, test } from "../testing/e2e/accounts";
import { GalleryPage } from "./pages/gallery-page";
import { expectNothingOfTheBody } from "../testing/e2e/locked-body";

// Visitors' pages are rendered once and served from memory (and by any shared cache in front);
// anything that depends on a session is rendered for that request only. Both carry a strict CSP.
test.describe.configure({ timeout: 90_000 });

const PRO = "database-architect";
const VISITOR_PAGES = [
  "/",
  "/?q=api&category=development",
  `/personas/${PRO}`,
  "/personas/backend-developer",
  "/pricing",
];

function expectStrictPolicy(response: APIResponse) {
  const policy = response.headers()["content-security-policy"] ?? "";
  const scripts = policy.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
  expect(scripts).toContain("'self'");
  expect(scripts).not.toContain("unsafe-inline");
  expect(scripts).not.toContain("unsafe-eval");
  for (const directive of [
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ])
    expect(policy).toContain(directive);
  return scripts;
}

test("a visitor's page is cacheable by anyone, served again from memory, and revalidates by ETag", async ({
  request,
}) => {
  for (const url of VISITOR_PAGES) {
    await request.get(url);
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    const headers = response.headers();
    expect(headers["x-page-cache"], url).toMatch(/^(hit|stale)$/);
    expect(headers["cache-control"], url).toMatch(
      /^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/,
    );
    expect(headers["vary"], url).toContain("Cookie");
    expect(headers["x-request-id"], url).toMatch(/^[0-9a-f-]{36}$/);
    // Served without Next's runtime (lib/http/lean-page.ts): no inline script to allow, no nonce,
    // scripts only from this origin.
    const scripts = expectStrictPolicy(response);
    expect(scripts.trim(), url).toBe("script-src 'self'");
    const tags = ((await response.text()).match(/<script\b[^>]*>/g) ?? []).filter(
      (t) => t !== '<script type="application/ld+json">', // data, not code: never run
    );
    expect(tags, url).toEqual(['<script src="/theme-init.js">', '<script src="/visitor.js" defer="">']);

    // A page may be rendered again in between (stats move while other tests chat): a 200 then
    // carries a new ETag, and asking with that one gets the 304.
    let etag = headers["etag"]!;
    let status = 0;
    for (let i = 0; i < 3 && status !== 304; i++) {
      const again = await request.get(url, { headers: { "If-None-Match": etag } });
      status = again.status();
      if (status === 200) {
        expect(again.headers()["etag"], url).not.toBe(etag);
        etag = again.headers()["etag"]!;
      }
    }
    expect(status, url).toBe(304);
  }
});

test("each cached response has its own request id", async ({ request }) => {
  const ids = new Set<string>();
  for (let i = 0; i < 5; i++) ids.add((await request.get("/pricing")).headers()["x-request-id"]!);
  expect(ids.size).toBe(5);
});

test("pages rendered per request carry a fresh nonce on every script and are private", async ({
  request,
}) => {
  const nonces = new Set<string>();
  for (const url of ["/sign-in", "/chat", "/sign-in"]) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    expect(response.headers()["x-page-cache"], url).toBeUndefined();
    expect(response.headers()["cache-control"], url).toContain("private");
    const nonce = /'nonce-([^']+)'/.exec(expectStrictPolicy(response))?.[1];
    expect(nonce, url).toBeTruthy();
    nonces.add(nonce!);
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, url).toBeGreaterThan(0);
    // Inline scripts run by the nonce; files only from this origin ('self').
    for (const tag of scripts) {
      if (/\bsrc="/.test(tag)) expect(tag, url).toMatch(/\bsrc="\/(?!\/)/);
      else expect(tag, url).toContain(`nonce="${nonce}"`);
    }
    expect(scripts.filter((t) => !/\bsrc="/.test(t)).length, url).toBeGreaterThan(0);
  }
  expect(nonces.size).toBe(3);
});

async function watchPolicy(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

test("cached and per-request pages run their scripts under the policy", async ({ page }) => {
  const violations = await watchPolicy(page);
  const gallery = new GalleryPage(page);
  await gallery.goto();
  await gallery.goto(); // the second load comes from the page cache
  await gallery.waitForAutoSubmit();
  await gallery.sortSelect.selectOption("name");
  await expect(page).toHaveURL(/sort=name/);
  expect(await violations()).toEqual([]);

  await page.goto("/personas/backend-developer");
  await page.getByRole("link", { name: "Start chat" }).click();
  await expect(page.getByRole("textbox", { name: /message/i })).toBeVisible();
  expect(await violations()).toEqual([]);

  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  expect(await violations()).toEqual([]);
});

test("a pro user's unlocked page never reaches a visitor, under load", async ({
  page,
  request,
  signUpPage,
  accountPage,
  credentials,
  proCodes,
}) => {
  await signUpPage.signUp(credentials);
  await accountPage.redeemCode(proCodes.take());
  await expect(accountPage.redeemStatus).toHaveText("Code redeemed: you now have Pro.");
  const secrets = lockedSentences(PRO);
  const url = `/personas/${PRO}`;

  const asPro = () => page.request.get(url);
  const asVisitor = () => request.get(url);
  const rounds = await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      (i % 2 ? asPro() : asVisitor()).then(async (r) => ({
        pro: i % 2 === 1,
        response: r,
        html: await r.text(),
      })),
    ),
  );

  for (const { pro, response, html } of rounds) {
    expect(response.status()).toBe(200);
    if (pro) {
      expect(response.headers()["x-page-cache"]).toBeUndefined();
      expect(response.headers()["cache-control"]).toContain("private");
      expect(html).toContain(secrets[0]);
      expect(html).toContain(credentials.email);
    } else {
      expectNothingOfTheBody(PRO, html, "");
      expect(html).not.toContain(credentials.email);
    }
  }
  const after = await request.get(url);
  expect(after.headers()["x-page-cache"]).toMatch(/^(hit|stale)$/);
  const html = await after.text();
  expectNothingOfTheBody(PRO, html, "");
  expect(html).toContain("Sign in");
});

/** Sends `target` byte for byte as the request line's target (a browser would never send `#`). */
function rawGet(baseURL: string, target: string, headers: Record<string, string> = {}) {
  const { hostname, port } = new URL(baseURL);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const req = http.request({ host: hostname, port, path: target, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end();
    },
  );
}

test("an odd request line never becomes another page's cached body", async ({ request, baseURL }) => {
  const marker = `Call-0800-SUPPORT-${Date.now()}`;
  for (const target of [`/??&q=${marker}`, `/?#&q=${marker}`, `/?q=${marker}#x`, `/#?q=${marker}`]) {
    const attack = await rawGet(baseURL!, target);
    expect(attack.status, target).toBe(200);
  }
  for (const url of ["/", "/pricing"]) {
    const home = await request.get(url);
    expect(home.status(), url).toBe(200);
    expect(await home.text(), url).not.toContain(marker);
  }
  // `/?q=<marker>#x` is the search for the marker: it is cached under that search alone.
  const search = await request.get(`/?q=${marker}`);
  expect(await search.text()).toContain(marker);
});

test("tracking and unknown parameters get the canonical page from its entry", async ({ request }) => {
  for (const [canonical, variant] of [
    ["/", `/?utm_source=e2e-${Date.now()}&fbclid=x`],
    ["/pricing", "/pricing?ref=e2e&whatever=1"],
    ["/personas/backend-developer", "/personas/backend-developer?gclid=e2e"],
  ]) {
    await request.get(canonical!);
    const first = await request.get(canonical!);
    const again = await request.get(variant!);
    expect(again.headers()["x-page-cache"], variant).toMatch(/^(hit|stale)$/);
    // The same entry: its ETag (unless the page was rendered again in between).
    const latest = await request.get(canonical!);
    expect([first.headers()["etag"], latest.headers()["etag"]], variant).toContain(again.headers()["etag"]);
    expectStrictPolicy(again);
  }
});

test("gzip only when Accept-Encoding allows it (q=0 means no)", async ({ baseURL }) => {
  await rawGet(baseURL!, "/pricing");
  for (const [value, gzip] of [
    ["gzip", true],
    ["gzip;q=0.5", true],
    ["*", true],
    ["gzip;q=0", false],
    ["GZIP; q=0.000", false],
    ["br, *;q=0", false],
  ] as const) {
    const response = await rawGet(baseURL!, "/pricing", { "accept-encoding": value });
    expect(response.status, value).toBe(200);
    expect(response.headers["content-encoding"], value).toBe(gzip ? "gzip" : undefined);
    if (!gzip) expect(response.body, value).toContain("</html>");
  }
});
