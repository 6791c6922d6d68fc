import { z } from "zod";
import { COMMUNITY_SORTS, isCommunitySort, rankByStats, type StatsMap } from "./ranking";
import type { Catalog } from "./catalog";
import { CATEGORIES, type Category, type Persona } from "./schema";
import { TIERS } from "@/lib/tiers";

export const SORTS = ["featured", "relevance", "name", "newest", ...COMMUNITY_SORTS] as const;
export type Sort = (typeof SORTS)[number];
export const PAGE_SIZE = 12;

/** One URL parameter: empty means absent, and giving it twice is an error of its own. */
const once = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v, ctx) => {
    if (Array.isArray(v)) {
      ctx.issues.push({ code: "custom", message: "must be given once", input: v });
      return z.NEVER;
    }
    return v === "" ? undefined : v;
  }, schema.optional());

/** The gallery's state, as it appears in the URL. Shared by the page and `GET /api/personas`. */
export const galleryQuerySchema = z.object({
  q: once(z.string().trim().max(100, "must be at most 100 characters")),
  category: once(
    z.enum(Object.keys(CATEGORIES) as [Category, ...Category[]], {
      error: `must be one of: ${Object.keys(CATEGORIES).join(", ")}`,
    }),
  ),
  tag: once(
    z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a tag like "react"')
      .max(64),
  ),
  tier: once(z.enum(TIERS, { error: `must be one of: ${TIERS.join(", ")}` })),
  favorites: once(z.enum(["1"], { error: "must be 1" })),
  sort: once(z.enum(SORTS, { error: `must be one of: ${SORTS.join(", ")}` })),
  page: once(
    z.coerce
      .number({ error: "must be a whole number" })
      .int("must be a whole number")
      .min(1, "must be 1 or more")
      .max(10_000, "must be at most 10000"),
  ),
  pageSize: once(
    z.coerce
      .number({ error: "must be a whole number" })
      .int("must be a whole number")
      .min(1, "must be 1 or more")
      .max(100, "must be at most 100"),
  ),
});
export type GalleryQuery = z.infer<typeof galleryQuerySchema>;

export type GalleryResult = {
  items: Persona[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  sort: Sort;
  /** How many personas each category would show with the other filters kept. */
  categoryCounts: Record<Category, number>;
};

/** `stats` orders the community sorts; `favorites` (the viewer's stars) backs the favourites filter. */
export function queryCatalog(
  catalog: Catalog,
  query: GalleryQuery,
  community: { stats?: StatsMap; favorites?: ReadonlySet<string> } = {},
): GalleryResult {
  const q = query.q?.trim() ?? "";
  const sort: Sort = query.sort ?? (q ? "relevance" : "featured");
  // Without a query, walk the catalog in the requested order (computed once); filters keep it.
  let matches: readonly Persona[] = q
    ? catalog.index.search(q).map((i) => catalog.all[i]!)
    : catalog.orders[sort === "relevance" ? "name" : isCommunitySort(sort) ? "featured" : sort];
  if (query.favorites) matches = matches.filter((p) => community.favorites?.has(p.id));
  if (query.tag) matches = matches.filter((p) => p.tags.includes(query.tag!));
  if (query.tier) matches = matches.filter((p) => p.tier === query.tier);

  const categoryCounts = Object.fromEntries(Object.keys(CATEGORIES).map((c) => [c, 0])) as Record<
    Category,
    number
  >;
  for (const p of matches) categoryCounts[p.category]++;
  if (query.category) matches = matches.filter((p) => p.category === query.category);

  const sorted = isCommunitySort(sort)
    ? rankByStats(matches, sort, community.stats ?? new Map())
    : q && sort !== "relevance"
      ? [...matches].sort((a, b) => catalog.rank[sort].get(a)! - catalog.rank[sort].get(b)!)
      : matches;
  const pageSize = query.pageSize ?? PAGE_SIZE;
  const pageCount = Math.max(1, Math.ceil(sorted.length / pageSize));
  const page = Math.min(query.page ?? 1, pageCount);
  return {
    items: sorted.slice((page - 1) * pageSize, page * pageSize),
    total: sorted.length,
    page,
    pageCount,
    pageSize,
    sort,
    categoryCounts,
  };
}
