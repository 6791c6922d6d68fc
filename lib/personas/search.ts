import type { Persona } from "./schema";

/** Field weights: a hit in the name says more than a hit somewhere in a long prompt. */
const WEIGHTS = { name: 10, tags: 6, category: 5, description: 3, body: 1 } as const;
const BODY_TF_CAP = 5;
const PREFIX_FACTOR = 0.6;
const MAX_QUERY_TOKENS = 8;

const NON_ASCII = /[^\x00-\x7f]/;

/** Words too common in prompts to tell personas apart; skipped in bodies only (a name keeps them). */
const BODY_STOPWORDS = new Set(
  ("a an and are as at be but by can do does for from has have how i if in into is it its me my not of on " +
    "or our so that the their them then there these they this to too us was we what when where which who " +
    "will with would you your yours").split(" "),
);

export function tokenize(text: string): string[] {
  // Most text is ASCII: skip Unicode normalisation there (it is most of the indexing time).
  if (!NON_ASCII.test(text)) return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

type Postings = { docs: Int32Array; scores: Float32Array };

/** An inverted index over the catalog; prefix matching so "kube" finds "kubernetes". */
export class SearchIndex {
  private readonly terms: string[];
  private readonly postings: Postings[];

  constructor(personas: readonly Persona[]) {
    const byTerm = new Map<string, { docs: number[]; scores: number[] }>();
    personas.forEach((p, doc) => {
      const scores = new Map<string, number>();
      // Body: one point per occurrence, capped; the fields below then lift a term to their weight.
      for (const t of tokenize(p.body)) {
        if (t.length < 2 || BODY_STOPWORDS.has(t)) continue;
        const n = scores.get(t) ?? 0;
        if (n < BODY_TF_CAP * WEIGHTS.body) scores.set(t, n + WEIGHTS.body);
      }
      const add = (text: string, weight: number) => {
        for (const t of tokenize(text)) if ((scores.get(t) ?? 0) < weight) scores.set(t, weight);
      };
      add(p.description, WEIGHTS.description);
      add(p.category, WEIGHTS.category);
      add(p.tags.join(" "), WEIGHTS.tags);
      add(p.name, WEIGHTS.name);
      for (const [t, s] of scores) {
        let entry = byTerm.get(t);
        if (!entry) byTerm.set(t, (entry = { docs: [], scores: [] }));
        entry.docs.push(doc);
        entry.scores.push(s);
      }
    });
    this.terms = [...byTerm.keys()].sort();
    this.postings = this.terms.map((t) => {
      const e = byTerm.get(t)!;
      return { docs: Int32Array.from(e.docs), scores: Float32Array.from(e.scores) };
    });
  }

  /** Document indexes matching every query word, best first (ties keep catalog order). */
  search(query: string): number[] {
    const tokens = [...new Set(tokenize(query))].slice(0, MAX_QUERY_TOKENS);
    if (tokens.length === 0) return [];
    let total: Map<number, number> | undefined;
    for (const token of tokens) {
      const scores = this.scoresFor(token);
      if (!total) total = scores;
      else {
        const next = new Map<number, number>();
        for (const [doc, s] of total) {
          const add = scores.get(doc);
          if (add !== undefined) next.set(doc, s + add);
        }
        total = next;
      }
      if (total.size === 0) return [];
    }
    return [...total!].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([doc]) => doc);
  }

  private scoresFor(token: string): Map<number, number> {
    const out = new Map<number, number>();
    // A single character matches only itself: as a prefix it would match half the vocabulary.
    const prefix = token.length >= 2;
    for (let i = lowerBound(this.terms, token); i < this.terms.length; i++) {
      const term = this.terms[i]!;
      if (!term.startsWith(token) || (!prefix && term !== token)) break;
      const factor = term === token ? 1 : PREFIX_FACTOR;
      const { docs, scores } = this.postings[i]!;
      for (let j = 0; j < docs.length; j++) {
        const s = scores[j]! * factor;
        const doc = docs[j]!;
        if (s > (out.get(doc) ?? 0)) out.set(doc, s);
      }
    }
    return out;
  }
}

function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
