/**
 * Word forms and misspellings for the search: a light English stemmer (plurals, -ing, -ed, -er,
 * -ly, -ation...) so "negotiations", "negotiating" and "negotiation" meet, and a bounded edit
 * distance for typos.
 */

const VOWEL = /[aeiouy]/;

/** Drops a doubled final consonant left by a suffix ("running" -> "runn" -> "run"). */
function undouble(w: string): string {
  const n = w.length;
  return n > 3 && w[n - 1] === w[n - 2] && !"lsz".includes(w[n - 1]!) && !VOWEL.test(w[n - 1]!)
    ? w.slice(0, -1)
    : w;
}

const SUFFIXES: readonly [suffix: string, minStem: number, replace: string][] = [
  ["ibility", 3, "ible"],
  ["ability", 3, "able"],
  ["ational", 3, "ate"],
  ["ization", 3, "ize"],
  ["isation", 3, "ize"],
  ["fulness", 3, "ful"],
  ["iveness", 3, "ive"],
  ["ically", 3, "ic"],
  ["ations", 3, "ate"],
  ["ation", 3, "ate"],
  ["ities", 3, "ity"],
  ["ements", 3, "e"],
  ["ement", 3, "e"],
  ["ments", 3, ""],
  ["ment", 3, ""],
  ["ness", 3, ""],
  ["ings", 3, ""],
  ["ing", 3, ""],
  ["ers", 3, ""],
  ["er", 3, ""],
  ["ies", 2, "y"],
  ["ied", 2, "y"],
  ["ed", 3, ""],
  ["ly", 3, ""],
  ["al", 4, ""],
  ["es", 4, ""],
  ["s", 3, ""],
];

/** A light stem: good enough to group a word's forms, never shown to anyone. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  // Twice, so "engineering" -> "engineer" -> "engin" meets "engineer".
  for (let pass = 0; pass < 2; pass++) {
    if (w.endsWith("ss") || w.endsWith("us") || (w.length > 4 && w.endsWith("is"))) break;
    const found = SUFFIXES.find(([suffix, minStem]) => {
      const base = w.slice(0, -suffix.length);
      return w.endsWith(suffix) && base.length >= minStem && VOWEL.test(base);
    });
    if (!found) break;
    w = undouble(w.slice(0, -found[0].length) + found[2]);
  }
  // "-ize"/"-ise"/"-ate" and a final silent e: "optimize" and "optimizing" meet at "optimiz".
  if (w.length > 5 && w.endsWith("ise")) w = w.slice(0, -3) + "ize";
  if (w.length > 4 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}

/** Levenshtein distance with adjacent transpositions, or `max + 1` as soon as it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const m = a.length;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return Math.min(prev[n]!, max + 1);
}

/** How many edits a misspelling of a word this long may carry: none below 5 letters, 2 from 8. */
export const typoBudget = (length: number) => (length >= 8 ? 2 : length >= 5 ? 1 : 0);

const ENDINGS = new Set([
  "",
  "e",
  "s",
  "es",
  "ed",
  "d",
  "ing",
  "er",
  "ers",
  "ly",
  "ion",
  "ions",
  "ation",
  "ations",
  "ally",
  "al",
]);

/**
 * Is `shown` what the person meant to type when they typed `word`, rather than another word or
 * another form of theirs? A slip is within the word's typo budget and is not a regular ending away
 * ("improve"/"improved", "deploy"/"deploying", "newsletter"/"newsletters" are forms, not slips).
 * One slip shares the stem: "-s" against "-es" on one base ("kubernets"), as a word takes one or
 * the other.
 */
export function isSlip(word: string, shown: string): boolean {
  let i = 0;
  while (i < word.length && i < shown.length && word[i] === shown[i]) i++;
  const tails = [word.slice(i), shown.slice(i)].sort();
  if (tails[0] === "es" && tails[1] === "s") return true;
  if (stem(word) === stem(shown)) return false;
  if (ENDINGS.has(tails[0]!) && ENDINGS.has(tails[1]!)) return false;
  const budget = typoBudget(word.length);
  return editDistance(word, shown, budget) <= budget;
}
