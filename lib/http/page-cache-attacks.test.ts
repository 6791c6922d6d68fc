import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pageCacheKey } from "./page-key";
import { clearPageCache, FILL_HEADER, servePage, type PageCacheSettings } from "./page-serve";

/**
 * The page cache as an attacker meets it: a real server on loopback, dispatching as
 * lib/http/server-hook.ts does (the cache's own fill request goes to the app, a visitor's cacheable
 * request to the cache), with a stand-in for Next that renders what the real pages read from the
 * URL, parsed the way Next parses it (WHATWG): the gallery its filters, a persona page its review
 * parameters, and nothing else.
 */
const TOKEN = "test-fill-token";
const SETTINGS: PageCacheSettings = {
  ttlSeconds: 60,
  https: false,
  development: false,
  maxBytes: 64 * 1024 * 1024,
  lean: false,
  fillHost: "persona.test",
};
const GALLERY = ["q", "category", "tag", "tier", "favorites", "sort", "page"];
const PERSONA = ["reviewPage", "reviews"];
/** What pages weigh: enough that 2,500 searches overflow 64 MB if nothing stops them. */
const PAGE_PADDING = 30 * 1024;

/** What the stand-in for Next renders for a raw request target. */
function rendered(target: string): string {
  const url = new URL(target, "http://next.internal");
  const read = url.pathname === "/" ? GALLERY : url.pathname.startsWith("/personas/") ? PERSONA : [];
  const state = read.flatMap((name) => url.searchParams.getAll(name).map((v) => `${name}=${v}`));
  return `<html><body><h1>${url.pathname}</h1><p>${JSON.stringify(state)}</p></body></html>`;
}

const renders: string[] = [];
const fills: { host: string | undefined }[] = [];
let server: http.Server;
let port: number;

function app(req: http.IncomingMessage, res: http.ServerResponse) {
  const target = req.url ?? "/";
  renders.push(target);
  const path = new URL(target, "http://next.internal").pathname;
  if (!/^\/(?:pricing|personas\/[a-z-]+)?$/.test(path)) {
    res.writeHead(404, { "content-type": "text/html" });
    return res.end("<html>not found</html>");
  }
  const page = rendered(target);
  // Unique per page, so pages compress no better than real ones do.
  const padding = `<!--${Buffer.from(page.repeat(64)).toString("base64").slice(0, 64)}-->`;
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", vary: "rsc, Accept-Encoding" });
  res.end(page + padding + `<p hidden>${"x".repeat(PAGE_PADDING)}</p>`);
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const internal = req.headers[FILL_HEADER] === TOKEN;
    delete req.headers[FILL_HEADER];
    if (internal) {
      fills.push({ host: req.headers.host });
      return app(req, res);
    }
    const key = pageCacheKey(req);
    if (key) return servePage(server, req, res, key, TOKEN, SETTINGS, () => app(req, res));
    app(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  clearPageCache();
  renders.length = 0;
  fills.length = 0;
});

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

/** Sends `target` byte for byte as the request target (no client-side normalising). */
function get(target: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port, path: target, agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end();
    },
  );
}
const text = async (target: string) => (await get(target)).body.toString("utf8");
const head = (html: string) => html.slice(0, html.indexOf("<!--"));

describe("the cache key and the render agree", () => {
  it("a search hidden behind `??` does not become the home page", async () => {
    const attack = await text("/??&q=Call-0800-SUPPORT-now");
    expect(head(attack)).toBe(rendered("/??&q=Call-0800-SUPPORT-now"));
    const home = await get("/");
    expect(head(home.body.toString())).toBe(rendered("/"));
    expect(home.body.toString()).not.toContain("Call-0800");
  });

  it("an odd request line never leaves its body under another page's key", async () => {
    const odd = [
      "/??&q=Call-0800-SUPPORT-now",
      "/??q=Call",
      "/?#&q=Call",
      "/#?q=Call",
      "/?q=api#&q=Call",
      "/?q=%ZZ",
      "/?q=a%2Bb",
      "/?q=a+b&&&",
      "/pricing?#q=Call",
      "/pricing#?q=Call",
      "/personas/backend-developer?&&reviews=helpful#reviews",
      "/personas/backend-developer??reviews=helpful",
      "/?%71=Call",
      "/?q%00=Call",
    ];
    const clean = [
      "/",
      "/?q=api",
      "/?q=Call",
      "/?q=api%23&q=Call",
      "/?q=a+b",
      "/?q=a%2Bb",
      "/?q=%25ZZ",
      "/pricing",
      "/personas/backend-developer",
      "/personas/backend-developer?reviews=helpful",
    ];
    // Each asked twice: the second answer comes from the cache.
    for (const target of [...odd, ...odd, ...clean, ...clean, ...odd]) {
      const response = await get(target);
      expect(response.status, target).toBe(200);
      expect(head(response.body.toString()), target).toBe(rendered(target));
    }
  });

  it("renders with the site's own host, whatever host the visitor sent", async () => {
    await get("/pricing", { host: "evil.example" });
    expect(fills).toEqual([{ host: "persona.test" }]);
  });

  it("leaves a target that is not a path on this origin to the app", async () => {
    for (const target of ["//evil.example/", "/\\evil.example/", "http://evil.example/pricing"]) {
      expect(pageCacheKey({ method: "GET", url: target, headers: {} }), target).toBeNull();
    }
  });
});

describe("parameters a page does not read", () => {
  it("share the canonical entry: tracking and unknown parameters render nothing new", async () => {
    await get("/");
    await get("/pricing");
    await get("/personas/backend-developer");
    expect(renders).toHaveLength(3);
    for (const target of [
      "/?utm_source=news&utm_medium=mail&utm_campaign=x",
      "/?fbclid=abc",
      "/?gclid=abc",
      "/?ref=producthunt",
      "/?pageSize=100",
      "/?whatever=1",
      "/pricing?utm_source=x",
      "/pricing?q=api",
      "/personas/backend-developer?utm_content=x&ref=y",
      "/personas/backend-developer?q=api",
    ]) {
      const response = await get(target);
      expect(response.headers["x-page-cache"], target).toBe("hit");
      expect(head(response.body.toString()), target).toBe(rendered(target));
    }
    expect(renders).toHaveLength(3);
  });

  it("keeps the ones the page reads", async () => {
    const helpful = await text("/personas/backend-developer?reviews=helpful&utm_source=x");
    expect(helpful).toContain("reviews=helpful");
    const search = await text("/?utm_source=x&q=api&category=development");
    expect(search).toContain('["q=api","category=development"]');
  });
});

describe("one client's searches", () => {
  it("cannot push the catalog's pages out of the cache", async () => {
    const catalog = ["/", "/pricing", "/personas/backend-developer", "/personas/data-scientist"];
    for (const target of catalog) await get(target);
    const pool = Array.from({ length: 2_500 }, (_, i) => [`/?q=spam-${i}`, `/?utm_source=spam-${i}`]).flat();
    for (let i = 0; i < pool.length; i += 8)
      await Promise.all(pool.slice(i, i + 8).map((target) => get(target)));
    const before = renders.length;
    for (const target of catalog) {
      const response = await get(target);
      expect(response.headers["x-page-cache"], target).toBe("hit");
      expect(head(response.body.toString()), target).toBe(rendered(target));
    }
    expect(renders).toHaveLength(before);
    // The searches are cached too, the newest of them.
    expect((await get("/?q=spam-2499")).headers["x-page-cache"]).toBe("hit");
  }, 60_000);
});

describe("Accept-Encoding", () => {
  it("gets gzip only when gzip is acceptable", async () => {
    await get("/pricing");
    const cases: [string, boolean][] = [
      ["gzip", true],
      ["gzip;q=0.5", true],
      ["*", true],
      ["gzip;q=0", false],
      ["GZIP; Q=0.000", false],
      ["br, *;q=0", false],
      ["identity", false],
    ];
    for (const [value, gzip] of cases) {
      const response = await get("/pricing", { "accept-encoding": value });
      expect(response.headers["content-encoding"], value).toBe(gzip ? "gzip" : undefined);
      expect(response.headers["vary"], value).toContain("Accept-Encoding");
    }
  });

  it("gives the gzip and the plain body ETags of their own, each revalidating to 304", async () => {
    await get("/pricing");
    const plain = await get("/pricing", { "accept-encoding": "identity" });
    const gzip = await get("/pricing", { "accept-encoding": "gzip" });
    const plainTag = plain.headers.etag!;
    const gzipTag = gzip.headers.etag!;
    expect(gzipTag).not.toBe(plainTag);
    const revalidate = async (encoding: string, tags: string) =>
      (await get("/pricing", { "accept-encoding": encoding, "if-none-match": tags })).status;
    expect(await revalidate("identity", plainTag)).toBe(304);
    expect(await revalidate("gzip", gzipTag)).toBe(304);
    // A client that now refuses gzip does not get a 304 for the gzip body it holds.
    expect(await revalidate("gzip;q=0", gzipTag)).toBe(200);
    expect(await revalidate("gzip", plainTag)).toBe(200);
    expect(await revalidate("gzip", `"other", W/${gzipTag}`)).toBe(304);
    expect(await revalidate("identity", "*")).toBe(304);
  });
});
