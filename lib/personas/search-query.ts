import { stemKey, type Alternative, type Synonyms } from "./search-synonyms";
import { tokenize } from "./search-tokenize";

/** One thing the query asks for: what was typed, and the other ways a persona may say it. */
export type Concept = {
  /** The typed words this concept stands for (several for a phrase of the synonyms file). */
  typed: string[];
  /** The typed words first (weight 1), then synonyms and expansions. */
  alternatives: Alternative[];
  /** The typed words are written so in the synonyms file: a word it knows is no misspelling. */
  known?: boolean;
};

const MAX_TOKENS = 24;
const MAX_CONCEPTS = 8;

/**
 * Splits a query into concepts: phrases of the synonyms file first (longest match), single words
 * otherwise; words that only carry the phrasing ("help me", "how do I") are dropped when anything
 * else remains.
 */
export function parseQuery(text: string, synonyms: Synonyms): Concept[] {
  const tokens = tokenize(text).slice(0, MAX_TOKENS);
  const concepts: Concept[] = [];
  const fillers: Concept[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < tokens.length;) {
    let taken = 1;
    let concept: Concept | undefined;
    for (let len = Math.min(synonyms.longest, tokens.length - i); len >= 1; len--) {
      const words = tokens.slice(i, i + len);
      const exact = synonyms.phrases.get(words.join(" "));
      const alternatives = exact ?? synonyms.stemmed.get(stemKey(words));
      if (alternatives || len === 1) {
        concept = {
          typed: words,
          ...(exact && { known: true }),
          alternatives: distinct([{ words, weight: 1 }, ...(alternatives ?? [])], synonyms),
        };
        taken = len;
        break;
      }
    }
    i += taken;
    const key = concept!.typed.join(" ");
    if (seen.has(key)) continue;
    seen.add(key);
    if (taken === 1 && synonyms.ignore.has(key)) fillers.push(concept!);
    else concepts.push(concept!);
  }
  return (concepts.length ? concepts : fillers).slice(0, MAX_CONCEPTS);
}

/**
 * Alternatives without phrasing words or stray letters ("a/b test" is sought as "test" and as the
 * file's "ab test"), each set of word forms once, at its highest weight (they come highest first).
 */
function distinct(alternatives: Alternative[], synonyms: Synonyms): Alternative[] {
  const out: Alternative[] = [];
  const seen = new Set<string>();
  for (const alt of alternatives) {
    const words =
      alt.words.length > 1 ? alt.words.filter((w) => w.length > 1 && !synonyms.ignore.has(w)) : alt.words;
    const key = stemKey(words.length ? words : alt.words);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ words: words.length ? words : alt.words, weight: alt.weight });
  }
  return out;
}
