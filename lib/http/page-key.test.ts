import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseGalleryParams } from "@/lib/personas/gallery-params";
import { galleryQuerySchema } from "@/lib/personas/query";
import { PAGE_PARAMETERS, pageCacheKey } from "./page-key";

const get = (url: string, headers: Record<string, string> = {}) => ({ method: "GET", url, headers });
const readsOf = (pathname: string) => PAGE_PARAMETERS.find((p) => p.path.test(pathname))!.reads;

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

  it("keys the query as a URL parser reads it, one spelling per meaning", () => {
    const same: [string, string][] = [
      ["/??&q=Call", "/?%3F=&q=Call"], // `??`: the second `?` is a parameter's name, dropped
      ["/?q=a%20b", "/?q=a+b"],
      ["/?%71=api", "/?q=api"],
      ["/?q=api#&q=Call", "/?q=api"], // a raw `#` starts the fragment, which is no part of the page
      ["/#?q=Call", "/"],
      ["/pricing?#", "/pricing"],
      ["/?q=%ZZ", "/?q=%25ZZ"],
      ["/?q=api&&&", "/?q=api"],
    ];
    for (const [odd, canonical] of same) {
      const key = pageCacheKey(get(odd));
      expect(key, odd).toBe(pageCacheKey(get(canonical)));
      // The key is itself a canonical URL: keying it again changes nothing.
      expect(pageCacheKey(get(key!)), odd).toBe(key);
    }
  });

  it("drops tracking and every other parameter the page does not read", () => {
    expect(pageCacheKey(get("/?utm_source=a&utm_medium=b&fbclid=c&gclid=d&ref=e&q=api"))).toBe("/?q=api");
    expect(pageCacheKey(get("/?pageSize=100&x=1"))).toBe("/");
    expect(pageCacheKey(get("/pricing?q=api&utm_campaign=x"))).toBe("/pricing");
    expect(pageCacheKey(get("/personas/a-b?reviews=helpful&reviewPage=2&q=x&mc_cid=1"))).toBe(
      "/personas/a-b?reviewPage=2&reviews=helpful",
    );
    expect(pageCacheKey(get("/personas/a-b/opengraph-image?v=2"))).toBe("/personas/a-b/opengraph-image");
  });

  it("drops every well-known tracking parameter on every cacheable page", () => {
    const tracking = [
      "utm_source",
      "utm_medium",
      "utm_campaign",
      "utm_term",
      "utm_content",
      "utm_id",
      "fbclid",
      "gclid",
      "dclid",
      "gbraid",
      "wbraid",
      "msclkid",
      "yclid",
      "twclid",
      "ttclid",
      "li_fat_id",
      "igshid",
      "mc_cid",
      "mc_eid",
      "_ga",
      "_gl",
      "ref",
      "ref_src",
      "source",
    ];
    const query = tracking.map((name) => `${name}=x`).join("&");
    for (const page of ["/", "/pricing", "/personas/a-b", "/personas/a-b/opengraph-image"])
      expect(pageCacheKey(get(`${page}?${query}`)), page).toBe(page);
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
      get(`/?q=${"é".repeat(300)}`), // short as written, long once encoded
    ];
    for (const req of refused) expect(pageCacheKey(req), JSON.stringify(req)).toBeNull();
  });

  it("leaves a path the parser reads otherwise than it is written to the app", () => {
    for (const target of [
      "//evil.example/",
      "/\\evil.example/",
      "http://evil.example/",
      "*",
      "/personas/../pricing",
      "/./pricing",
      "/%70ricing",
      "/personas/backend%2Ddeveloper",
      "/pricing/",
    ])
      expect(pageCacheKey(get(target)), target).toBeNull();
  });
});

describe("the parameters each page reads", () => {
  it("for the gallery, are those lib/personas/gallery-params.ts reads", () => {
    // A parameter the gallery reads changes the page (a bad value is named in a notice); one it
    // does not read changes nothing.
    const reads = Object.keys(galleryQuerySchema.shape).filter(
      (name) => parseGalleryParams({ [name]: "?".repeat(101) }).notices.length > 0,
    );
    expect([...readsOf("/")].sort()).toEqual(reads.sort());
    expect(parseGalleryParams({ utm_source: "?".repeat(101), ref: "x" }).notices).toEqual([]);
  });

  it("for a persona page, are those the page and its review links use", () => {
    const page = fs.readFileSync(path.join(process.cwd(), "app/personas/[id]/page.tsx"), "utf8");
    const links = fs.readFileSync(
      path.join(process.cwd(), "components/community/reviews-section.tsx"),
      "utf8",
    );
    const read = [...page.matchAll(/\braw\.(\w+)/g)].map((m) => m[1]);
    expect([...new Set(read)].sort()).toEqual([...readsOf("/personas/a")].sort());
    for (const name of readsOf("/personas/a")) expect(links).toContain(`${name}:`);
    // Pricing reads no parameter at all.
    const pricing = fs.readFileSync(path.join(process.cwd(), "app/pricing/page.tsx"), "utf8");
    expect(pricing).not.toMatch(/searchParams/);
  });
});
