import { describe, expect, it } from "vitest";
import { buildCatalog } from "./catalog";
import { parseGalleryParams } from "./gallery-params";
import { makePersona } from "./__fixtures__/make-persona";
import { galleryQuerySchema, PAGE_SIZE, queryCatalog, type GalleryQuery } from "./query";
import { galleryHref } from "./url";

const catalog = buildCatalog([
  makePersona({
    id: "api-designer",
    name: "API Designer",
    category: "development",
    tags: ["api", "rest"],
    tier: "free",
    published: "2026-01-10",
  }),
  makePersona({
    id: "backend-dev",
    name: "Backend Dev",
    category: "development",
    tags: ["api", "database"],
    tier: "pro",
    published: "2026-03-01",
    featured: true,
  }),
  makePersona({ id: "css-wizard", name: "CSS Wizard", category: "design", tags: ["css"], tier: "free" }),
  makePersona({
    id: "data-analyst",
    name: "Data Analyst",
    category: "data",
    tags: ["sql", "database"],
    tier: "free",
    published: "2025-12-24",
    featured: true,
  }),
  makePersona({
    id: "editor",
    name: "Editor",
    category: "writing",
    tags: ["prose"],
    tier: "max",
    published: "2026-02-14",
  }),
  makePersona({
    id: "sql-coach",
    name: "SQL Coach",
    category: "data",
    tags: ["sql"],
    tier: "max",
    description: "Teaches database queries.",
  }),
  makePersona({
    id: "zen-designer",
    name: "Zen Designer",
    category: "design",
    tags: ["css", "api"],
    tier: "pro",
    featured: true,
  }),
]);

const ids = (query: GalleryQuery) => queryCatalog(catalog, query).items.map((p) => p.id);

describe("queryCatalog filters", () => {
  it("shows every persona when no filter is set", () => {
    expect(queryCatalog(catalog, {}).total).toBe(7);
  });

  it("filters by category", () => {
    expect(ids({ category: "data", sort: "name" })).toEqual(["data-analyst", "sql-coach"]);
  });

  it("filters by tag", () => {
    expect(ids({ tag: "api", sort: "name" })).toEqual(["api-designer", "backend-dev", "zen-designer"]);
  });

  it("filters by tier (exactly that tier, not everything it unlocks)", () => {
    expect(ids({ tier: "max", sort: "name" })).toEqual(["editor", "sql-coach"]);
  });

  it("combines filters with AND", () => {
    expect(ids({ tag: "api", tier: "pro", sort: "name" })).toEqual(["backend-dev", "zen-designer"]);
    expect(ids({ tag: "api", tier: "pro", category: "design" })).toEqual(["zen-designer"]);
    expect(ids({ q: "database", category: "data", sort: "name" })).toEqual(["data-analyst", "sql-coach"]);
  });

  it("returns an empty page (page 1 of 1) when nothing matches", () => {
    const result = queryCatalog(catalog, { tag: "css", tier: "max" });
    expect(result).toMatchObject({ items: [], total: 0, page: 1, pageCount: 1 });
  });
});

describe("queryCatalog categoryCounts", () => {
  it("counts every category, with zero for empty ones", () => {
    expect(queryCatalog(catalog, {}).categoryCounts).toEqual({
      development: 2,
      data: 2,
      design: 2,
      product: 0,
      writing: 1,
      business: 0,
      security: 0,
      education: 0,
      lifestyle: 0,
      entertainment: 0,
      health: 0,
    });
  });

  it("reflects the other filters but not the category filter itself", () => {
    const counts = queryCatalog(catalog, { tag: "api", category: "design" }).categoryCounts;
    expect(counts).toMatchObject({ development: 2, design: 1, data: 0, writing: 0 });
  });

  it("reflects the search query and the tier filter", () => {
    expect(queryCatalog(catalog, { q: "database", category: "writing" }).categoryCounts).toMatchObject({
      development: 1,
      data: 2,
      writing: 0,
    });
    expect(queryCatalog(catalog, { tier: "free" }).categoryCounts).toMatchObject({
      development: 1,
      design: 1,
      data: 1,
    });
  });
});

describe("queryCatalog sorting", () => {
  it('defaults to "featured": featured first, then by tier (free < pro < max), then by name', () => {
    const result = queryCatalog(catalog, {});
    expect(result.sort).toBe("featured");
    expect(result.items.map((p) => p.id)).toEqual([
      "data-analyst",
      "backend-dev",
      "zen-designer",
      "api-designer",
      "css-wizard",
      "editor",
      "sql-coach",
    ]);
  });

  it('sorts by name A–Z with sort "name"', () => {
    expect(ids({ sort: "name" })).toEqual([
      "api-designer",
      "backend-dev",
      "css-wizard",
      "data-analyst",
      "editor",
      "sql-coach",
      "zen-designer",
    ]);
  });

  it('sorts search results by name A–Z with sort "name"', () => {
    expect(ids({ q: "database", sort: "name" })).toEqual(["backend-dev", "data-analyst", "sql-coach"]);
  });

  it('sorts newest first with sort "newest", undated personas last (by name)', () => {
    expect(ids({ sort: "newest" })).toEqual([
      "backend-dev",
      "editor",
      "api-designer",
      "data-analyst",
      "css-wizard",
      "sql-coach",
      "zen-designer",
    ]);
  });

  it('defaults to "relevance" when there is a query, best match first', () => {
    const result = queryCatalog(catalog, { q: "sql" });
    expect(result.sort).toBe("relevance");
    // "SQL Coach" has it in the name; "Data Analyst" only in a tag.
    expect(result.items.map((p) => p.id)).toEqual(["sql-coach", "data-analyst"]);
  });

  it("treats a blank query as no query", () => {
    expect(queryCatalog(catalog, { q: "   " })).toMatchObject({ sort: "featured", total: 7 });
  });
});

describe("queryCatalog pagination", () => {
  const big = buildCatalog(
    Array.from({ length: 30 }, (_, i) => makePersona({ id: `p-${String(i + 1).padStart(2, "0")}` })),
  );

  it(`shows ${PAGE_SIZE} per page by default`, () => {
    const result = queryCatalog(big, { sort: "name" });
    expect(PAGE_SIZE).toBe(12);
    expect(result).toMatchObject({ total: 30, page: 1, pageSize: 12, pageCount: 3 });
    expect(result.items.map((p) => p.id)).toEqual(big.all.slice(0, 12).map((p) => p.id));
  });

  it("returns the requested page", () => {
    const result = queryCatalog(big, { sort: "name", page: 2 });
    expect(result.items.map((p) => p.id)[0]).toBe("p-13");
    expect(result.items).toHaveLength(12);
  });

  it("returns a short last page", () => {
    const result = queryCatalog(big, { sort: "name", page: 3 });
    expect(result.items.map((p) => p.id)).toEqual(["p-25", "p-26", "p-27", "p-28", "p-29", "p-30"]);
  });

  it("clamps a page past the end to the last page", () => {
    const result = queryCatalog(big, { sort: "name", page: 99 });
    expect(result.page).toBe(3);
    expect(result.items[0]!.id).toBe("p-25");
  });

  it("honours pageSize", () => {
    const result = queryCatalog(big, { sort: "name", pageSize: 7, page: 5 });
    expect(result).toMatchObject({ pageSize: 7, pageCount: 5, page: 5 });
    expect(result.items.map((p) => p.id)).toEqual(["p-29", "p-30"]);
  });
});

describe("galleryQuerySchema", () => {
  const rejects: [string, Record<string, unknown>, string, RegExp][] = [
    ["page=0", { page: "0" }, "page", /1 or more/],
    ["page=abc", { page: "abc" }, "page", /whole number/],
    ["page=1.5", { page: "1.5" }, "page", /whole number/],
    ["tier=gold", { tier: "gold" }, "tier", /one of: free, pro, max/],
    ["sort=bogus", { sort: "bogus" }, "sort", /one of: featured, relevance, name, newest/],
    ["category=cooking", { category: "cooking" }, "category", /one of:/],
    ["tag=Not A Tag", { tag: "Not A Tag" }, "tag", /tag like/],
    ["q over 100 characters", { q: "x".repeat(101) }, "q", /at most 100 characters/],
    ["q given twice", { q: ["react", "vue"] }, "q", /given once/],
    ["tag given twice", { tag: ["react", "vue"] }, "tag", /given once/],
    ["page given twice", { page: ["1", "2"] }, "page", /given once/],
    ["pageSize=500", { pageSize: "500" }, "pageSize", /at most 100/],
  ];

  for (const [what, input, field, message] of rejects) {
    it(`rejects ${what} on "${field}"`, () => {
      const result = galleryQuerySchema.safeParse(input);
      expect(result.success).toBe(false);
      expect(result.error!.issues.map((i) => i.path.join("."))).toEqual([field]);
      expect(result.error!.issues[0]!.message).toMatch(message);
    });
  }

  it("accepts good values and coerces numbers", () => {
    const result = galleryQuerySchema.parse({
      q: "  react  ",
      category: "data",
      tag: "web-performance",
      tier: "pro",
      sort: "newest",
      page: "3",
      pageSize: "20",
    });
    expect(result).toEqual({
      q: "react",
      category: "data",
      tag: "web-performance",
      tier: "pro",
      sort: "newest",
      page: 3,
      pageSize: 20,
    });
  });

  it("treats empty values as absent", () => {
    expect(galleryQuerySchema.parse({ q: "", page: "", tier: "" })).toEqual({});
  });
});

describe("parseGalleryParams", () => {
  it("drops only the bad fields and explains each one", () => {
    const { query, notices } = parseGalleryParams({
      q: "react",
      category: "data",
      page: "abc",
      tier: "gold",
    });
    expect(query).toEqual({ q: "react", category: "data" });
    expect(notices).toHaveLength(2);
    expect(notices).toContain('Ignored page "abc": must be a whole number.');
    expect(notices).toContain('Ignored tier "gold": must be one of: free, pro, max.');
  });

  it("explains a key given twice, showing both values", () => {
    const { query, notices } = parseGalleryParams({ q: ["a", "b"], sort: "name" });
    expect(query).toEqual({ sort: "name" });
    expect(notices).toEqual(['Ignored q "a, b": must be given once.']);
  });

  it("shortens a very long bad value in the notice", () => {
    const { notices } = parseGalleryParams({ q: "x".repeat(500) });
    expect(notices).toEqual([`Ignored q "${"x".repeat(60)}": must be at most 100 characters.`]);
  });

  it("ignores pageSize and unknown keys: the gallery's page size is fixed", () => {
    const { query, notices } = parseGalleryParams({ pageSize: "50", utm_source: "mail", page: "2" });
    expect(query).toEqual({ page: 2 });
    expect(notices).toEqual([]);
  });

  it("has no notices for a clean URL", () => {
    expect(parseGalleryParams({ tag: "sql", sort: "newest" })).toEqual({
      query: { tag: "sql", sort: "newest" },
      notices: [],
    });
  });
});

describe("galleryHref", () => {
  /** What the page would see for a link: URLSearchParams -> searchParams record -> parsed query. */
  const parseHref = (href: string) => {
    const params = new URL(href, "http://localhost").searchParams;
    const raw: Record<string, string | string[]> = {};
    for (const key of new Set(params.keys())) {
      const values = params.getAll(key);
      raw[key] = values.length === 1 ? values[0]! : values;
    }
    return parseGalleryParams(raw);
  };

  it("is / for the default state", () => {
    expect(galleryHref({})).toBe("/");
    expect(galleryHref({ page: 1 })).toBe("/");
  });

  it("round-trips every field, including characters that need escaping", () => {
    const state = {
      q: "c++ & café / 100%",
      category: "data",
      tag: "sql",
      tier: "pro",
      sort: "newest",
      page: 3,
    } as const;
    const parsed = parseHref(galleryHref(state));
    expect(parsed.notices).toEqual([]);
    expect(parsed.query).toEqual(state);
  });

  it("applies changes on top of the current state and drops cleared fields", () => {
    const state = { q: "sql", category: "data", page: 4 } as const;
    expect(parseHref(galleryHref(state, { page: 5 })).query).toEqual({ q: "sql", category: "data", page: 5 });
    expect(parseHref(galleryHref(state, { category: undefined, page: undefined })).query).toEqual({
      q: "sql",
    });
  });

  it("leaves page 1 out of the URL", () => {
    expect(galleryHref({ tag: "css", page: 1 })).toBe("/?tag=css");
  });
});
