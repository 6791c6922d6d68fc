import type { Persona } from "./schema";
import { buildIndex, type IndexParts, type PreviousIndex } from "./search-build";

export type { IndexParts };

/** Field weights: a hit in the name says more than a hit somewhere in a long prompt (free personas' only: search-build.ts). */
const WEIGHTS = { name: 10, tags: 6, category: 5, description: 3, body: 1 } as const;
const BODY_TF_CAP = 5;
const PREFIX_FACTOR = 0.6;
const MAX_QUERY_TOKENS = 8;

const NON_ASCII = /[^\x00-\x7f]/;

/** Words too common in prompts to tell personas apart; skipped in bodies only (a name keeps them). */
const BODY_STOPWORDS = new Set(
  (
    "a an and are as at be but by can do does for from has have how i if in into is it its me my not of on " +
    "or our so that the their them then there these they this to too us was we what when where which who " +
    "will with would you your yours"
  ).split(" "),
);

export function tokenize(text: string): string[] {
  // Most text is ASCII: skip Unicode normalisation there (it is most of the indexing time).
  if (!NON_ASCII.test(text)) return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return (
    text
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** An inverted index over the catalog; prefix matching so "kube" finds "kubernetes". */
export class SearchIndex {
  private readonly parts: IndexParts;
  /** Per-search scratch, one slot per doc, kept zeroed between searches (search is synchronous). */
  private scratch?: { best: Float64Array; total: Float64Array; matched: Uint8Array };

  /** Indexes personas, or wraps stored index arrays. `previous`: see buildIndex. */
  constructor(personas: readonly Persona[] | IndexParts, previous?: PreviousIndex) {
    this.parts = Array.isArray(personas)
      ? buildIndex(
          personas,
          { weights: WEIGHTS, bodyTfCap: BODY_TF_CAP, bodyStopwords: BODY_STOPWORDS, tokenize },
          previous,
        )
      : (personas as IndexParts);
  }

  /** The arrays behind the index, e.g. to store them. */
  get data(): Readonly<IndexParts> {
    return this.parts;
  }

  /** Document indexes matching every query word, best first (ties keep catalog order). */
  search(query: string): number[] {
    const tokens = [...new Set(tokenize(query))].slice(0, MAX_QUERY_TOKENS);
    if (tokens.length === 0) return [];
    const n = this.parts.docCount;
    const s = (this.scratch ??= {
      best: new Float64Array(n),
      total: new Float64Array(n),
      matched: new Uint8Array(n),
    });
    let candidates: number[] = [];
    try {
      for (let k = 0; k < tokens.length; k++) {
        // A doc's score for a word is its best matching term; docs missing an earlier word are skipped.
        const touched = this.bestFor(tokens[k]!, k, s);
        for (const doc of touched) {
          s.total[doc]! += s.best[doc]!;
          s.matched[doc] = k + 1;
          s.best[doc] = 0;
        }
        if (k === 0) candidates = touched;
        if (touched.length === 0) return [];
      }
      const { total, matched } = s;
      return candidates
        .filter((doc) => matched[doc] === tokens.length)
        .sort((a, b) => total[b]! - total[a]! || a - b);
    } finally {
      for (const doc of candidates) {
        s.total[doc] = 0;
        s.matched[doc] = 0;
      }
    }
  }

  /** Fills `best` for docs that matched all words before word `k`; returns the docs it touched. */
  private bestFor(
    token: string,
    k: number,
    { best, matched }: NonNullable<SearchIndex["scratch"]>,
  ): number[] {
    const { terms, starts, docs, scores } = this.parts;
    const touched: number[] = [];
    // A single character matches only itself: as a prefix it would match half the vocabulary.
    const prefix = token.length >= 2;
    for (let i = lowerBound(terms, token); i < terms.length; i++) {
      const term = terms[i]!;
      if (!term.startsWith(token) || (!prefix && term !== token)) break;
      const factor = term === token ? 1 : PREFIX_FACTOR;
      for (let j = starts[i]!, end = starts[i + 1]!; j < end; j++) {
        const doc = docs[j]!;
        if (k > 0 && matched[doc] !== k) continue;
        const score = scores[j]! * factor;
        if (score > best[doc]!) {
          if (best[doc] === 0) touched.push(doc);
          best[doc] = score;
        }
      }
    }
    return touched;
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
