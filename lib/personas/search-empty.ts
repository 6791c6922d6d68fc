import { rankByStats, type StatsMap } from "@/lib/community/ranking";
import type { Catalog } from "./catalog";
import { CATEGORIES, type Category, type Persona } from "./schema";
import { tokenize } from "./search-tokenize";

export type EmptySuggestions = {
  /** The categories closest to the query, closest first. */
  categories: { category: Category; label: string }[];
  /** The most used personas (the featured ones where nothing is used yet). */
  personas: Persona[];
};

const CATEGORY_COUNT = 3;
const PERSONA_COUNT = 4;

/** Character trigrams of a word, padded so short words and word starts count. */
function trigrams(word: string): Set<string> {
  const padded = `  ${word} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Per category, the words of its personas' public fields and its own name (built once per catalog). */
const vocabularies = new WeakMap<Catalog, Map<Category, Set<string>[]>>();
function categoryWords(catalog: Catalog): Map<Category, Set<string>[]> {
  let map = vocabularies.get(catalog);
  if (map) return map;
  map = new Map();
  for (const [category, personas] of catalog.byCategory) {
    const words = new Set(tokenize(`${category} ${CATEGORIES[category]}`));
    for (const p of personas) for (const w of tokenize(`${p.name} ${p.tags.join(" ")}`)) words.add(w);
    map.set(category, [...words].filter((w) => w.length >= 3).map(trigrams));
  }
  vocabularies.set(catalog, map);
  return map;
}

/**
 * What the gallery offers when a search finds nothing: categories whose personas' words look most
 * like the query's (or that hold its matches, if only the other filters emptied the page; or the
 * largest), and the most used personas.
 */
export function emptySuggestions(
  catalog: Catalog,
  q: string | undefined,
  stats?: StatsMap,
): EmptySuggestions {
  const counts = new Map<Category, number>();
  if (q)
    for (const doc of catalog.index.search(q)) {
      const c = catalog.all[doc]!.category;
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
  const words = q
    ? tokenize(q)
        .filter((w) => w.length >= 3)
        .map(trigrams)
    : [];
  const closeness = new Map<Category, number>();
  if (counts.size === 0 && words.length > 0) {
    for (const [category, vocab] of categoryWords(catalog)) {
      let best = 0;
      for (const w of words) for (const v of vocab) best = Math.max(best, similarity(w, v));
      closeness.set(category, best);
    }
  }
  const size = (c: Category) => catalog.byCategory.get(c)?.length ?? 0;
  const categories = (Object.keys(CATEGORIES) as Category[])
    .filter((c) => size(c) > 0)
    .sort(
      (a, b) =>
        (counts.get(b) ?? 0) - (counts.get(a) ?? 0) ||
        (closeness.get(b) ?? 0) - (closeness.get(a) ?? 0) ||
        size(b) - size(a),
    )
    .slice(0, CATEGORY_COUNT)
    .map((category) => ({ category, label: CATEGORIES[category] ?? category }));
  const personas = (
    stats ? rankByStats(catalog.orders.featured, "most-used", stats) : catalog.orders.featured
  ).slice(0, PERSONA_COUNT);
  return { categories, personas };
}
