import type { Persona } from "./schema";
import { buildIndex, type IndexParts, type PreviousIndex } from "./search-build";
import { parseQuery, type Concept } from "./search-query";
import { defaultSynonyms, type Synonyms } from "./search-synonyms";
import { tokenize } from "./search-tokenize";
import { editDistance, isSlip, stem, typoBudget } from "./search-words";

export type { IndexParts };
export { tokenize };

/**
 * Field weights, added up over the fields a word is in: the name says more than the tags, the
 * tags and description more than a long prompt (free personas' only: search-build.ts).
 */
const WEIGHTS = { name: 10, tags: 7, category: 6, description: 5, body: 1 } as const;
const BODY_TF_CAP = 3;
/** How much a term counts when it is another form of the word, or the word is a prefix of it, or a typo of it. */
const STEM_FACTOR = 0.9;
const PREFIX_FACTOR = 0.5;
const TYPO_FACTOR = 0.7;
/** A persona that matches k of n concepts keeps (k/n)^COVERAGE_POWER of its score. */
const COVERAGE_POWER = 2;
/** Matches scoring below this share of the best one are left out: they only shared a stray word. */
const RELATIVE_CUTOFF = 0.1;

/** Words too common in prompts to tell personas apart; skipped in bodies only (a name keeps them). */
const BODY_STOPWORDS = new Set(
  (
    "a an and are as at be but by can do does for from has have how i if in into is it its me my not of on " +
    "or our so that the their them then there these they this to too us was we what when where which who " +
    "will with would you your yours"
  ).split(" "),
);

export type SearchHits = {
  /** Document indexes, best first (ties keep catalog order). */
  docs: number[];
  /** The query with its misspelt words replaced by the words they were taken for, if any were. */
  didYouMean?: string;
};

type Hit = { term: number; factor: number };
type Vocabulary = { idf: Float64Array; byStem: Map<string, number[]>; df: Int32Array };

/** An inverted index over the catalog, ranked BM25-style by field, with word forms, synonyms and typos. */
export class SearchIndex {
  private readonly parts: IndexParts;
  /** Per-search scratch, one slot per doc, kept zeroed between searches (search is synchronous). */
  private scratch?: {
    word: Float64Array;
    alt: Float64Array;
    concept: Float64Array;
    total: Float64Array;
    covered: Float64Array;
    words: Uint8Array;
  };
  private vocabulary?: Vocabulary;
  /** termsFor's answers within one search: synonyms share words ("ab test", "split test"). */
  private readonly memo = new Map<string, Hit[]>();

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

  search(query: string, synonyms?: Synonyms): number[] {
    return this.find(query, synonyms).docs;
  }

  /** Every persona sharing a concept with the query (bar stray matches far below the best), best first. */
  find(query: string, synonyms: Synonyms = defaultSynonyms()): SearchHits {
    const concepts = parseQuery(query, synonyms);
    if (concepts.length === 0) return { docs: [] };
    const n = this.parts.docCount;
    const s = (this.scratch ??= {
      word: new Float64Array(n),
      alt: new Float64Array(n),
      concept: new Float64Array(n),
      total: new Float64Array(n),
      covered: new Float64Array(n),
      words: new Uint8Array(n),
    });
    const corrections = new Map<string, string>();
    this.memo.clear();
    const only = concepts.length === 1 && concepts[0]!.typed.length === 1;
    const matched: number[] = [];
    // Coverage counts each concept by how telling it is (its best IDF): missing a rare word costs
    // more than missing "team"; a concept no persona has does not count.
    const weights: number[] = [];
    try {
      for (const concept of concepts) {
        const { docs, weight } = this.scoreConcept(concept, only, corrections);
        weights.push(weight);
        for (const doc of docs) {
          if (s.total[doc] === 0 && s.covered[doc] === 0) matched.push(doc);
          s.total[doc]! += s.concept[doc]!;
          s.covered[doc]! += weight;
          s.concept[doc] = 0;
        }
      }
      const all = weights.reduce((a, b) => a + b, 0);
      let best = 0;
      for (const doc of matched) {
        s.total[doc] = s.total[doc]! * (s.covered[doc]! / all) ** COVERAGE_POWER;
        if (s.total[doc]! > best) best = s.total[doc]!;
      }
      const kept = matched.filter((doc) => s.total[doc]! >= best * RELATIVE_CUTOFF);
      const { total } = s;
      kept.sort((a, b) => total[b]! - total[a]! || a - b);
      return { docs: kept, ...(corrections.size > 0 && { didYouMean: corrected(query, corrections) }) };
    } finally {
      for (const doc of matched) {
        s.total[doc] = 0;
        s.covered[doc] = 0;
      }
    }
  }

  /** Fills `concept` with each doc's best alternative; returns the docs it touched and the concept's weight. */
  private scoreConcept(
    concept: Concept,
    only: boolean,
    corrections: Map<string, string>,
  ): { docs: number[]; weight: number } {
    const s = this.scratch!;
    const { starts, docs, scores } = this.parts;
    const { idf } = this.vocab();
    const touched: number[] = [];
    let weight = 0;
    concept.alternatives.forEach((alt, a) => {
      // A phrase counts only where all its words are found; its score is their mean.
      const altDocs: number[] = [];
      // A word the synonyms file knows is no misspelling, whatever the catalog's own words are.
      const spellcheck = !concept.known;
      for (const word of alt.words) {
        const key = `${a === 0 ? (spellcheck ? "t" : "k") : "s"}:${word}`;
        let hits = this.memo.get(key);
        if (!hits) this.memo.set(key, (hits = this.termsFor(word, a === 0, only, corrections, spellcheck)));
        const wordDocs: number[] = [];
        for (const { term, factor } of hits) {
          const w = (alt.weight * factor * idf[term]!) / alt.words.length;
          weight = Math.max(weight, w * alt.words.length);
          for (let j = starts[term]!, end = starts[term + 1]!; j < end; j++) {
            const doc = docs[j]!;
            const v = w * scores[j]!;
            if (v > s.word[doc]!) {
              if (s.word[doc] === 0) wordDocs.push(doc);
              s.word[doc] = v;
            }
          }
        }
        for (const doc of wordDocs) {
          if (s.words[doc] === 0) altDocs.push(doc);
          s.alt[doc]! += s.word[doc]!;
          s.words[doc]!++;
          s.word[doc] = 0;
        }
      }
      for (const doc of altDocs) {
        if (s.words[doc] === alt.words.length && s.alt[doc]! > s.concept[doc]!) {
          if (s.concept[doc] === 0) touched.push(doc);
          s.concept[doc] = s.alt[doc]!;
        }
        s.alt[doc] = 0;
        s.words[doc] = 0;
      }
    });
    return { docs: touched, weight };
  }

  /**
   * The index terms a query word stands for: itself, its other forms, words it begins (if it was
   * typed, at least 3 letters long or the whole query) and, for a typed word found nowhere, the
   * nearest words within its typo budget (noted in `corrections`).
   */
  private termsFor(
    word: string,
    typed: boolean,
    only: boolean,
    corrections: Map<string, string>,
    spellcheck: boolean,
  ): Hit[] {
    const { terms } = this.parts;
    const { byStem } = this.vocab();
    const hits: Hit[] = [];
    const exact = lowerBound(terms, word);
    if (terms[exact] === word) hits.push({ term: exact, factor: 1 });
    for (const term of byStem.get(stem(word)) ?? [])
      if (term !== exact) hits.push({ term, factor: STEM_FACTOR });
    // Found only through another form: a misspelling when the word is no inflection of that form
    // ("kubernets" for "kubernetes" is offered as a correction; "databases" for "database" is not).
    if (typed && spellcheck && terms[exact] !== word && hits.length > 0) {
      const shown = hits
        .map((h) => terms[h.term]!)
        .sort((a, b) => editDistance(word, a, 9) - editDistance(word, b, 9) || a.length - b.length)[0]!;
      if (isSlip(word, shown)) corrections.set(word, shown);
    }
    if (typed && (word.length >= 3 || (only && word.length === 2))) {
      for (let i = exact; i < terms.length && terms[i]!.startsWith(word); i++) {
        if (i !== exact && !hits.some((h) => h.term === i)) hits.push({ term: i, factor: PREFIX_FACTOR });
      }
    }
    if (hits.length > 0 || !typed) return hits;
    const fix = this.nearest(word);
    if (!fix) return hits;
    // Ranked with either way; offered as "did you mean" only when it looks like a slip of the keys.
    if (spellcheck && isSlip(word, fix.shown)) corrections.set(word, fix.shown);
    // The fix's forms and the words it begins ("speach" -> "speech" -> "speechwriter").
    for (const term of fix.terms) hits.push({ term, factor: TYPO_FACTOR });
    if (fix.stem.length >= 4) {
      for (let i = lowerBound(terms, fix.stem); i < terms.length && terms[i]!.startsWith(fix.stem); i++) {
        if (!fix.terms.includes(i)) hits.push({ term: i, factor: TYPO_FACTOR * PREFIX_FACTOR });
      }
    }
    return hits;
  }

  /**
   * The word form nearest a misspelt word, within its typo budget (stems compared, so "speach"
   * meets "speeches"); ties go to the form more personas use. `shown`: its member nearest the word.
   */
  private nearest(word: string): { stem: string; terms: number[]; shown: string } | undefined {
    const budget = typoBudget(word.length);
    if (budget === 0) return undefined;
    const { terms } = this.parts;
    const { byStem, df } = this.vocab();
    const target = stem(word);
    let best: { stem: string; terms: number[]; d: number; uses: number } | undefined;
    for (const [key, group] of byStem) {
      if (Math.abs(key.length - target.length) > budget) continue;
      const d = editDistance(target, key, best ? Math.min(best.d, budget) : budget);
      if (d > budget || (best && d > best.d)) continue;
      const uses = group.reduce((sum, t) => sum + df[t]!, 0);
      if (!best || d < best.d || uses > best.uses) best = { stem: key, terms: group, d, uses };
    }
    if (!best) return undefined;
    const shown = best.terms
      .map((t) => terms[t]!)
      .sort((a, b) => editDistance(word, a, 9) - editDistance(word, b, 9) || a.length - b.length)[0]!;
    return { stem: best.stem, terms: best.terms, shown };
  }

  /** Document frequencies, IDF and the stem groups of the terms, worked out on the first search. */
  private vocab(): Vocabulary {
    if (this.vocabulary) return this.vocabulary;
    const { terms, starts, docCount } = this.parts;
    const idf = new Float64Array(terms.length);
    const df = new Int32Array(terms.length);
    const byStem = new Map<string, number[]>();
    for (let i = 0; i < terms.length; i++) {
      df[i] = starts[i + 1]! - starts[i]!;
      idf[i] = Math.log(1 + (docCount - df[i]! + 0.5) / (df[i]! + 0.5));
      const key = stem(terms[i]!);
      const group = byStem.get(key);
      if (group) group.push(i);
      else byStem.set(key, [i]);
    }
    return (this.vocabulary = { idf, df, byStem });
  }
}

function corrected(query: string, corrections: ReadonlyMap<string, string>): string {
  return tokenize(query)
    .map((w) => corrections.get(w) ?? w)
    .join(" ");
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
