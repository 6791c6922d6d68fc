import { CATEGORY_FILE } from "@/lib/personas/categories";
import type { Category } from "@/lib/personas/schema";
import type { ImportFormat } from "./types";

/**
 * Which category an imported persona goes in, by the words of the operator's data file
 * (`content/categories.json`): its keywords in any language, weighted by where they are found.
 */
const { categories, weights, bodyChars, defaults } = CATEGORY_FILE;

const normaliseWord = (word: string) =>
  word
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");

/** The source's own category (LobeHub's `meta.category`), when the data file maps it to one of ours. */
export function mapCategory(word: string | undefined): Category | undefined {
  if (!word) return undefined;
  const key = normaliseWord(word);
  return categories.find((c) => c.sourceWords.some((w) => normaliseWord(w) === key))?.id;
}

/** Scripts written without spaces between words: their keywords are found as they appear. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

type Matchers = {
  /** One-word keywords -> the categories they point at. */
  words: Map<string, Set<Category>>;
  /** Keywords of several words, by their first word: the words and the category. */
  phrases: Map<string, [string[], Category][]>;
  /** Keywords in Chinese, Japanese and the like, found anywhere in the text. */
  unspaced: [string, Category][];
};

function splitWords(text: string): string[] {
  return tokens(text).flatMap((w) => w.split("-"));
}

const matchers: Matchers = { words: new Map(), phrases: new Map(), unspaced: [] };
for (const category of categories) {
  for (const keyword of Object.values(category.keywords).flat()) {
    if (UNSPACED.test(keyword)) matchers.unspaced.push([keyword, category.id]);
    else if (/\s/.test(keyword)) {
      const [first, ...rest] = splitWords(keyword);
      const list = matchers.phrases.get(first!) ?? [];
      list.push([rest, category.id]);
      matchers.phrases.set(first!, list);
    } else {
      const set = matchers.words.get(keyword) ?? new Set();
      set.add(category.id);
      matchers.words.set(keyword, set);
    }
  }
}

/** The text's words, lowercased: letters, digits and the joiners of words like c++, next.js, ci/cd, p-value. */
function tokens(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}+#./'-]*/gu) ?? []).map((t) =>
    t.replace(/[.'/-]+$/, ""),
  );
}

/** Each keyword found in `text`, once, as keyword -> category pairs. */
function keywordsIn(text: string): Map<string, Set<Category>> {
  const found = new Map<string, Set<Category>>();
  const add = (keyword: string, category: Category) => {
    const set = found.get(keyword) ?? new Set();
    set.add(category);
    found.set(keyword, set);
  };
  const words = tokens(text);
  const lookup = (word: string) => {
    const hit = matchers.words.get(word);
    if (hit) for (const c of hit) add(word, c);
    return Boolean(hit);
  };
  for (const word of words) {
    if (lookup(word)) continue;
    // "designs", "prioritises"; the parts of "ab-test-analysis" and "full-stack".
    if (word.length > 3 && word.endsWith("s") && lookup(word.slice(0, -1))) continue;
    if (word.includes("-")) for (const part of word.split("-")) if (part) lookup(part);
  }
  const plain = words.flatMap((w) => w.split("-"));
  plain.forEach((word, i) => {
    for (const [rest, category] of matchers.phrases.get(word) ?? [])
      if (rest.every((r, j) => plain[i + 1 + j] === r)) add([word, ...rest].join(" "), category);
  });
  if (UNSPACED.test(text)) {
    const lower = text.toLowerCase();
    for (const [keyword, category] of matchers.unspaced) if (lower.includes(keyword)) add(keyword, category);
  }
  return found;
}

export type CategoryInput = {
  name: string;
  description?: string;
  tags?: readonly string[];
  body: string;
  sourceCategory?: string;
  format: ImportFormat;
};

const CARD_FORMATS: ReadonlySet<ImportFormat> = new Set(["card-v2", "card-v3", "card-png", "charx"]);

/**
 * A category from the persona's text: each keyword found counts once per part, by the part's
 * weight (the name and tags far above a word deep in the prompt), and the source's own category
 * when it maps adds its weight; the highest total wins (ties: the data file's order). Nothing
 * found: the data file's default for the format (characters from cards are entertainment).
 */
export function inferCategory(input: CategoryInput): { category: Category; score: number } {
  const scores = new Map<Category, number>();
  const count = (text: string, weight: number) => {
    const perCategory = new Map<Category, number>();
    for (const hits of keywordsIn(text).values())
      for (const c of hits) perCategory.set(c, (perCategory.get(c) ?? 0) + 1);
    for (const [c, n] of perCategory) scores.set(c, (scores.get(c) ?? 0) + n * weight);
  };
  count(input.name, weights.name);
  count((input.tags ?? []).join(" , "), weights.tags);
  if (input.description) count(input.description, weights.description);
  count(input.body.slice(0, bodyChars), weights.body);
  const mapped = mapCategory(input.sourceCategory);
  if (mapped) scores.set(mapped, (scores.get(mapped) ?? 0) + weights.sourceCategory);

  let best: Category = CARD_FORMATS.has(input.format) ? defaults.card : defaults.other;
  let bestScore = 0;
  for (const { id } of categories) {
    const score = scores.get(id) ?? 0;
    if (score > bestScore) [best, bestScore] = [id, score];
  }
  return { category: best, score: bestScore };
}
