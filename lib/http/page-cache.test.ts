import { describe, expect, it } from "vitest";
import { acceptsGzip, freshness, pageCacheKey, PageStore, storedPage } from "./page-cache";

const get = (url: string, headers: Record<string, string> = {}) => ({ method: "GET", url, headers });
const HTML = { "content-type": "text/html; charset=utf-8", vary: "rsc, Accept-Encoding" };
const body = (s = "<html><script>self.__next_f.push([0])</script></html>") => Buffer.from(s);

describe("pageCacheKey", () => {
  it("takes a visitor's GET or HEAD of the gallery, a persona page and pricing", () => {
    expect(pageCacheKey(get("/"))).toBe("/");
    expect(pageCacheKey(get("/personas/backend-developer"))).toBe("/personas/backend-developer");
    expect(pageCacheKey(get("/personas/backend-developer/opengraph-image"))).toBe(
      "/personas/backend-developer/opengraph-image",
    );
    expect(pageCacheKey({ ...get("/pricing"), method: "HEAD" })).toBe("/pricing");
    expect(pageCacheKey(get("/", { cookie: "pm_guest=abc; theme=dark" }))).toBe("/");
  });

  it("orders the query so the same search is one entry", () => {
    expect(pageCacheKey(get("/?q=api&category=development"))).toBe("/?category=development&q=api");
    expect(pageCacheKey(get("/?category=development&q=api"))).toBe("/?category=development&q=api");
  });

  it("leaves everything that may depend on who asks, or is not a page, to Next", () => {
    const refused = [
      get("/", { cookie: "next-auth.session-token=x" }),
      get("/", { cookie: "a=b; __Secure-next-auth.session-token=x" }),
      get("/", { cookie: "__Secure-next-auth.session-token.0=x" }),
      get("/", { rsc: "1" }),
      get("/", { "next-router-prefetch": "1" }),
      get("/?_rsc=abc"),
      { ...get("/"), method: "POST" },
      get("/chat"),
      get("/account"),
      get("/sign-in"),
      get("/api/personas"),
      get("/personas/Backend"),
      get("/personas/a/b"),
      get(`/?q=${"x".repeat(2000)}`),
    ];
    for (const req of refused) expect(pageCacheKey(req), JSON.stringify(req)).toBeNull();
  });
});

describe("storedPage", () => {
  it("keeps a 200 page with the hashes of its scripts, without per-response headers", () => {
    const page = storedPage(200, { ...HTML, "x-request-id": "r1", date: "d", "x-custom": "kept" }, body(), 0);
    expect(page.storable).toBe(true);
    expect(page.scriptHashes).toHaveLength(1);
    expect(page.headers).toEqual({ "content-type": HTML["content-type"], "x-custom": "kept" });
    expect(page.vary).toBe("rsc, Accept-Encoding, Cookie");
    expect(page.etag).toMatch(/^"[\w-]+"$/);
  });

  it("does not keep errors, pages that set cookies, or pages with scripts it cannot vouch for", () => {
    expect(storedPage(404, HTML, body(), 0).storable).toBe(false);
    expect(storedPage(200, { ...HTML, "set-cookie": ["a=b"] }, body(), 0).storable).toBe(false);
    expect(storedPage(200, HTML, body("<script>alert(1)</script>"), 0).storable).toBe(false);
    expect(storedPage(200, { "content-type": "application/json" }, body("{}"), 0).storable).toBe(false);
    expect(storedPage(200, { "content-type": "image/png" }, Buffer.from([1, 2]), 0).storable).toBe(true);
  });

  it("compresses a large page once", () => {
    const big = storedPage(200, HTML, body(`<html>${"persona ".repeat(500)}</html>`), 0);
    expect(big.gzip!.length).toBeLessThan(big.body.length);
  });
});

describe("PageStore", () => {
  it("evicts the least recently used page past its byte budget", () => {
    const store = new PageStore(3 * (1000 + 600));
    const page = () => storedPage(200, { "content-type": "image/png" }, Buffer.alloc(1000), 0);
    store.set("/a", page());
    store.set("/b", page());
    store.set("/c", page());
    store.get("/a");
    store.set("/d", page());
    expect(store.get("/b")).toBeUndefined();
    expect(store.get("/a")).toBeDefined();
    expect(store.get("/d")).toBeDefined();
    expect(store.size).toBe(3);
  });
});

describe("freshness", () => {
  it("is fresh for the ttl, then stale, then expired", () => {
    const page = storedPage(200, HTML, body(), 0);
    expect(freshness(page, 60_000, 60)).toBe("fresh");
    expect(freshness(page, 61_000, 60)).toBe("stale");
    expect(freshness(page, 661_000, 60)).toBe("expired");
  });
});

describe("acceptsGzip", () => {
  it("reads Accept-Encoding", () => {
    expect(acceptsGzip({ headers: { "accept-encoding": "gzip, deflate, br" } })).toBe(true);
    expect(acceptsGzip({ headers: { "accept-encoding": "br" } })).toBe(false);
    expect(acceptsGzip({ headers: { "accept-encoding": "gzip;q=0" } })).toBe(false);
    expect(acceptsGzip({ headers: {} })).toBe(false);
  });
});
