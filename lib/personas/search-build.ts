import type { Persona } from "./schema";
import { HASH_SEED, hashStep, TermDictionary } from "./term-dictionary";

/**
 * The index as flat arrays: term `k` (terms sorted) owns postings `starts[k]` to `starts[k+1]`,
 * doc indexes ascending, each with its score (whole points: the weights of the fields holding the term).
 */
export type IndexParts = {
  docCount: number;
  terms: string[];
  starts: Int32Array;
  docs: Int32Array;
  scores: Uint8Array;
};

export type IndexRules = {
  weights: { name: number; tags: number; category: number; description: number; body: number };
  bodyTfCap: number;
  bodyStopwords: ReadonlySet<string>;
  tokenize: (text: string) => string[];
};

/** A posting packs its term id above an 8-bit score into one int32 (read back unsigned). */
const MAX_TERMS = 1 << 24;

/** Reused for every text scanned: the text as UTF-8 bytes, and its word ids. */
type Scratch = { ids: Int32Array; bytes: Buffer };

/** For each ASCII byte: its lowercase form if tokenize() keeps it in a word ([A-Za-z0-9]), else 0. */
const WORD_BYTE = new Uint8Array(256);
for (let c = 48; c <= 57; c++) WORD_BYTE[c] = c;
for (let c = 97; c <= 122; c++) WORD_BYTE[c] = WORD_BYTE[c - 32] = c;

/** Ids of the words of `text` (as `rules.tokenize` splits it) at least `minLength` long, into `out.ids`. */
function termIds(
  dict: TermDictionary,
  text: string,
  minLength: number,
  rules: IndexRules,
  out: Scratch,
): number {
  // A text of n characters holds at most (n + 1) / 2 words.
  if (out.ids.length < (text.length >> 1) + 1) out.ids = new Int32Array(text.length + 1);
  const ids = out.ids;
  let n = 0;
  // Written as UTF-8, a text is ASCII exactly when it takes one byte a character.
  if (out.bytes.length < text.length * 3 + 1) out.bytes = Buffer.allocUnsafe(text.length * 6 + 1);
  const bytes = out.bytes;
  const length = bytes.write(text, 0, "utf8");
  if (length !== text.length) {
    for (const t of rules.tokenize(text)) if (t.length >= minLength) ids[n++] = dict.idOf(t);
    return n;
  }
  // ASCII: tokenize() keeps runs of [a-z0-9] of the lowercased text; the same scan over bytes.
  bytes[length] = 0;
  let start = -1;
  let hash = HASH_SEED;
  for (let i = 0; i <= length; i++) {
    const c = WORD_BYTE[bytes[i]!]!;
    if (c !== 0) {
      bytes[i] = c;
      if (start < 0) {
        start = i;
        hash = HASH_SEED;
      }
      hash = hashStep(hash, c);
    } else if (start >= 0) {
      if (i - start >= minLength) ids[n++] = dict.idOfBytes(bytes, start, i, hash);
      start = -1;
    }
  }
  return n;
}

/** Per term: the last doc that had it and its score there; grown with the dictionary. */
class TermState {
  lastDoc = new Int32Array(1024).fill(-1);
  score = new Uint8Array(1024);
  stop = new Uint8Array(1024);
  /** The last text (a number per scan) that scored the term: a field counts once however often the word recurs. */
  lastText = new Int32Array(1024).fill(-1);
  fit(terms: number): void {
    if (terms <= this.lastDoc.length) return;
    if (terms > MAX_TERMS) throw new Error(`the search index holds at most ${MAX_TERMS} distinct words`);
    const size = Math.max(terms, this.lastDoc.length * 2);
    for (const key of ["lastDoc", "lastText"] as const) {
      const bigger = new Int32Array(size).fill(-1);
      bigger.set(this[key]);
      this[key] = bigger;
    }
    for (const key of ["score", "stop"] as const) {
      const bigger = new Uint8Array(size);
      bigger.set(this[key]);
      this[key] = bigger;
    }
  }
}

/** An append-only list of int32s (postings run to millions: plain arrays spend their time growing). */
class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
}

/**
 * An index built before, and for each doc now the doc it was then, if its persona is unchanged
 * (-1 if not): its entries are copied instead of scanning its text again.
 */
export type PreviousIndex = { parts: IndexParts; docOf: (doc: number) => number };

/** The previous index's entries by doc: doc `d` owns `packed[starts[d]..starts[d+1])`, each (term id << 8) | score. */
function entriesByDoc(parts: IndexParts): { starts: Int32Array; packed: Int32Array } {
  const starts = new Int32Array(parts.docCount + 1);
  for (let j = 0; j < parts.docs.length; j++) starts[parts.docs[j]! + 1]!++;
  for (let d = 0; d < parts.docCount; d++) starts[d + 1]! += starts[d]!;
  const next = starts.slice(0, parts.docCount);
  const packed = new Int32Array(parts.docs.length);
  for (let k = 0; k < parts.terms.length; k++) {
    for (let j = parts.starts[k]!; j < parts.starts[k + 1]!; j++) {
      packed[next[parts.docs[j]!]!++] = (k << 8) | parts.scores[j]!;
    }
  }
  return { starts, packed };
}

/**
 * One pass over the personas: per-doc scores in arrays indexed by term id, postings appended
 * flat and grouped by term at the end (a counting sort), so docs stay ascending within a term.
 * With `previous`, unchanged docs take their entries from it: the result is the same as a full
 * build, in the time of copying arrays plus scanning the changed docs.
 */
export function buildIndex(
  personas: readonly Persona[],
  rules: IndexRules,
  previous?: PreviousIndex,
): IndexParts {
  const dict = new TermDictionary();
  // Previous term k keeps id k, so copied entries need no translation.
  previous?.parts.terms.forEach((term, k) => {
    if (dict.idOf(term) !== k) throw new Error(`the previous index lists "${term}" twice`);
  });
  const old = previous && entriesByDoc(previous.parts);
  const state = new TermState();
  const stopIds = [...rules.bodyStopwords].map((w) => dict.idOf(w));
  state.fit(dict.words.length);
  for (const id of stopIds) state.stop[id] = 1;
  const buffer: Scratch = { ids: new Int32Array(4096), bytes: Buffer.allocUnsafe(1 << 16) };
  // Terms of the current doc, in first-seen order; each posting packs (term id, score).
  const touched = new IntList(1024);
  const postings = new IntList(personas.length * 256);
  const postDoc = new IntList(personas.length * 256);

  let textNo = 0;
  /** Scores the words of `text` into `state`: `weight` points per occurrence up to `cap`, or `weight` once (cap 0). */
  const score = (doc: number, text: string, minLength: number, weight: number, cap: number) => {
    const n = termIds(dict, text, minLength, rules, buffer);
    state.fit(dict.words.length);
    const { lastDoc, lastText, score, stop } = state;
    const thisText = textNo++;
    const ids = buffer.ids;
    for (let i = 0; i < n; i++) {
      const id = ids[i]!;
      if (cap > 0 && stop[id] === 1) continue;
      if (lastDoc[id] !== doc) {
        lastDoc[id] = doc;
        score[id] = 0;
        touched.push(id);
      }
      if (cap > 0) {
        if (score[id]! < cap) score[id]! += weight;
      } else if (lastText[id] !== thisText) {
        lastText[id] = thisText;
        score[id]! += weight;
      }
    }
  };
  const { weights } = rules;
  for (let doc = 0; doc < personas.length; doc++) {
    const was = previous ? previous.docOf(doc) : -1;
    if (old && was >= 0) {
      for (let j = old.starts[was]!; j < old.starts[was + 1]!; j++) {
        postings.push(old.packed[j]!);
        postDoc.push(doc);
      }
      continue;
    }
    const p = personas[doc]!;
    touched.length = 0;
    // Body: one point per occurrence, capped; each field below that has the word adds its weight.
    // A paid persona's body is what its tier unlocks: searching it would tell anyone which
    // personas contain a phrase, so only free bodies are searched (paid ones by their public fields).
    if (p.tier === "free") score(doc, p.body, 2, weights.body, rules.bodyTfCap * weights.body);
    score(doc, p.description, 1, weights.description, 0);
    score(doc, p.category, 1, weights.category, 0);
    score(doc, p.tags.join(" "), 1, weights.tags, 0);
    score(doc, p.name, 1, weights.name, 0);
    for (let i = 0; i < touched.length; i++) {
      const id = touched.data[i]!;
      postings.push((id << 8) | state.score[id]!);
      postDoc.push(doc);
    }
  }
  return groupByTerm(dict.words, postings, postDoc, personas.length);
}

function groupByTerm(words: string[], postings: IntList, postDoc: IntList, docCount: number): IndexParts {
  const count = new Int32Array(words.length);
  for (let i = 0; i < postings.length; i++) count[postings.data[i]! >>> 8]!++;
  const used = words.map((_, id) => id).filter((id) => count[id]! > 0);
  used.sort((a, b) => (words[a]! < words[b]! ? -1 : words[a]! > words[b]! ? 1 : 0));
  const starts = new Int32Array(used.length + 1);
  const next = new Int32Array(words.length);
  used.forEach((id, k) => {
    next[id] = starts[k]!;
    starts[k + 1] = starts[k]! + count[id]!;
  });
  const docs = new Int32Array(postings.length);
  const scores = new Uint8Array(postings.length);
  for (let i = 0; i < postings.length; i++) {
    const packed = postings.data[i]!;
    const j = next[packed >>> 8]!++;
    docs[j] = postDoc.data[i]!;
    scores[j] = packed & 0xff;
  }
  return { docCount, terms: used.map((id) => words[id]!), starts, docs, scores };
}
