import { SearchIndex } from "./search";
import { CATEGORIES, TIERS, type Category, type Persona, type Tier } from "./schema";

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
};

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** Builds the indexes over personas that already passed the content checks. */
export function buildCatalog(personas: readonly Persona[]): Catalog {
  const all = [...personas].sort((a, b) => a.name.localeCompare(b.name, "en") || a.id.localeCompare(b.id));
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
  return { all, byId, byCategory, byTag, byTier, pairedBy, tags, index: new SearchIndex(all) };
}
