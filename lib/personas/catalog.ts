import { SearchIndex } from "./search";
import { compareTiers, type Tier, TIERS } from "@/lib/tiers";
import { CATEGORIES, type Category, type Persona } from "./schema";

export type Catalog = {
  all: readonly Persona[];
  byId: ReadonlyMap<string, Persona>;
  byCategory: ReadonlyMap<Category, readonly Persona[]>;
  byTag: ReadonlyMap<string, readonly Persona[]>;
  byTier: ReadonlyMap<Tier, readonly Persona[]>;
  /** Personas that list the key in their worksWellWith. */
  pairedBy: ReadonlyMap<string, readonly Persona[]>;
  /** Tags with how many personas carry each, most used first. */
  tags: readonly { tag: string; count: number }[];
  index: SearchIndex;
  /** The catalog in each fixed sort order, computed once; `rank` gives a persona's place in each. */
  orders: Record<FixedSort, readonly Persona[]>;
  rank: Record<FixedSort, ReadonlyMap<Persona, number>>;
};

export type FixedSort = "featured" | "name" | "newest";

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/**
 * Builds the indexes over personas that already passed the content checks. From the catalog
 * cache: `prebuilt` is a search index stored for these personas in this order, used only if
 * sorting keeps them in that order (else the index is built again); or a function that builds
 * the index over the sorted personas from a previous one.
 */
export function buildCatalog(
  personas: readonly Persona[],
  prebuilt?: SearchIndex | ((all: readonly Persona[]) => SearchIndex),
): Catalog {
  const collator = new Intl.Collator("en");
  const byName = (a: Persona, b: Persona) =>
    collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const all = [...personas].sort(byName);
  const byId = new Map(all.map((p) => [p.id, p]));
  const byCategory = new Map<Category, Persona[]>(Object.keys(CATEGORIES).map((c) => [c as Category, []]));
  const byTier = new Map<Tier, Persona[]>(TIERS.map((t) => [t, []]));
  const byTag = new Map<string, Persona[]>();
  const pairedBy = new Map<string, Persona[]>();
  for (const p of all) {
    push(byCategory, p.category, p);
    push(byTier, p.tier, p);
    for (const tag of p.tags) push(byTag, tag, p);
    for (const target of p.worksWellWith) push(pairedBy, target, p);
  }
  const tags = [...byTag]
    .map(([tag, list]) => ({ tag, count: list.length }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
  const orders: Record<FixedSort, readonly Persona[]> = {
    name: all,
    featured: [...all].sort(
      (a, b) =>
        Number(b.featured ?? false) - Number(a.featured ?? false) ||
        compareTiers(a.tier, b.tier) ||
        byName(a, b),
    ),
    newest: [...all].sort((a, b) => (b.published ?? "").localeCompare(a.published ?? "") || byName(a, b)),
  };
  const rankOf = (list: readonly Persona[]) => new Map(list.map((p, i) => [p, i]));
  const rank = {
    name: rankOf(orders.name),
    featured: rankOf(orders.featured),
    newest: rankOf(orders.newest),
  };
  let index: SearchIndex;
  if (typeof prebuilt === "function") index = prebuilt(all);
  else if (prebuilt?.data.docCount === all.length && all.every((p, i) => p === personas[i])) index = prebuilt;
  else index = new SearchIndex(all);
  return { all, byId, byCategory, byTag, byTier, pairedBy, tags, index, orders, rank };
}
