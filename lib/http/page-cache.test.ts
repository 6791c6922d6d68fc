import { describe, expect, it } from "vitest";
import { freshness, PageStore, SEARCH_MAX_PAGES, storedPage } from "./page-cache";

const HTML = { "content-type": "text/html; charset=utf-8", vary: "rsc, Accept-Encoding" };
const body = (s = "<html><script>self.__next_f.push([0])</script></html>") => Buffer.from(s);

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
  const page = (bytes = 1000) => storedPage(200, { "content-type": "image/png" }, Buffer.alloc(bytes), 0);

  it("evicts the least recently used catalog page past the catalog's bytes", () => {
    const store = new PageStore(4 * (1000 + 600), { searchShare: 1 / 4 });
    store.set("/a", page());
    store.set("/b", page());
    store.set("/c", page());
    store.get("/a");
    store.set("/d", page());
    expect(store.get("/b")).toBeUndefined();
    expect(store.get("/a")).toBeDefined();
    expect(store.get("/d")).toBeDefined();
    expect(store.size).toEqual({ catalog: 3, searches: 0 });
  });

  it("keeps searches in their own partition: past its bytes they evict each other, not the catalog", () => {
    const store = new PageStore(8 * (1000 + 600), { searchShare: 1 / 4 });
    for (const key of ["/", "/pricing", "/personas/a"]) store.set(key, page());
    for (let i = 0; i < 500; i++) store.set(`/?q=${i}`, page());
    expect(store.size).toEqual({ catalog: 3, searches: 2 });
    for (const key of ["/", "/pricing", "/personas/a", "/?q=499", "/?q=498"])
      expect(store.get(key), key).toBeDefined();
    expect(store.get("/?q=0")).toBeUndefined();
  });

  it("holds at most SEARCH_MAX_PAGES searches, however small", () => {
    const store = new PageStore(64 * 1024 * 1024);
    store.set("/", page(10));
    for (let i = 0; i < SEARCH_MAX_PAGES + 50; i++) store.set(`/?q=${i}`, page(10));
    expect(store.size).toEqual({ catalog: 1, searches: SEARCH_MAX_PAGES });
    expect(store.get("/?q=49")).toBeUndefined();
    expect(store.get("/?q=50")).toBeDefined();
    expect(store.get("/")).toBeDefined();
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
