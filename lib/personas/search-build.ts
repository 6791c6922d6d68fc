import type { Persona } from "./schema";
import { HASH_SEED, hashStep, TermDictionary } from "./term-dictionary";

/**
 * The index as flat arrays: term `k` (terms sorted) owns postings `starts[k]` to `starts[k+1]`,
 * doc indexes ascending, each with its score (whole points, at most the name's weight).
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

const NON_ASCII = /[^\x00-\x7f]/;
/** A posting packs its term id above an 8-bit score into one int32 (read back unsigned). */
const MAX_TERMS = 1 << 24;

/** Reused for every text scanned: ASCII text copied in as bytes (a straight copy). */
type Scratch = { ids: Int32Array; bytes: Buffer };

function pushId(out: Scratch, n: number, id: number): void {
  if (n === out.ids.length) {
    const bigger = new Int32Array(out.ids.length * 2);
    bigger.set(out.ids);
    out.ids = bigger;
  }
  out.ids[n] = id;
}

/** Ids of the words of `text` (as `rules.tokenize` splits it) at least `minLength` long, into `out.ids`. */
function termIds(
  dict: TermDictionary,
  text: string,
  minLength: number,
  rules: IndexRules,
  out: Scratch,
): number {
  let n = 0;
  if (NON_ASCII.test(text)) {
    for (const t of rules.tokenize(text)) if (t.length >= minLength) pushId(out, n++, dict.idOf(t));
    return n;
  }
  // ASCII: tokenize() keeps runs of [a-z0-9] of the lowercased text; the same scan over bytes.
  if (out.bytes.length < text.length + 1) out.bytes = Buffer.allocUnsafe(text.length * 2 + 1);
  const bytes = out.bytes;
  const length = bytes.write(text, 0, "latin1");
  bytes[length] = 0;
  let start = -1;
  let hash = HASH_SEED;
  for (let i = 0; i <= length; i++) {
    let c = bytes[i]!;
    if (c >= 65 && c <= 90) bytes[i] = c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) {
        start = i;
        hash = HASH_SEED;
      }
      hash = hashStep(hash, c);
    } else if (start >= 0) {
      if (i - start >= minLength) pushId(out, n++, dict.idOfBytes(bytes, start, i, hash));
      start = -1;
    }
  }
  return n;
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
 * One pass over the personas: per-doc scores in arrays indexed by term id, postings appended
 * flat and grouped by term at the end (a counting sort), so docs stay ascending within a term.
 */
export function buildIndex(personas: readonly Persona[], rules: IndexRules): IndexParts {
  const dict = new TermDictionary();
  const isStop: boolean[] = [];
  for (const word of rules.bodyStopwords) isStop[dict.idOf(word)] = true;
  let lastDoc = new Int32Array(1024).fill(-1);
  let current = new Uint8Array(1024);
  const buffer: Scratch = { ids: new Int32Array(4096), bytes: Buffer.allocUnsafe(1 << 16) };
  // Terms of the current doc, in first-seen order; each posting packs (term id, score).
  const touched = new IntList(1024);
  const postings = new IntList(personas.length * 256);
  const postDoc = new IntList(personas.length * 256);

  const touch = (id: number, doc: number) => {
    if (id >= lastDoc.length) {
      if (id >= MAX_TERMS) throw new Error(`the search index holds at most ${MAX_TERMS} distinct words`);
      const size = Math.max(id + 1, lastDoc.length * 2);
      const last = new Int32Array(size).fill(-1);
      last.set(lastDoc);
      lastDoc = last;
      const cur = new Uint8Array(size);
      cur.set(current);
      current = cur;
    }
    if (lastDoc[id] === doc) return;
    lastDoc[id] = doc;
    current[id] = 0;
    touched.push(id);
  };
  const add = (doc: number, text: string, weight: number) => {
    const count = termIds(dict, text, 1, rules, buffer);
    for (let i = 0; i < count; i++) {
      const id = buffer.ids[i]!;
      touch(id, doc);
      if (current[id]! < weight) current[id] = weight;
    }
  };
  const { weights } = rules;
  const bodyCap = rules.bodyTfCap * weights.body;
  for (let doc = 0; doc < personas.length; doc++) {
    const p = personas[doc]!;
    touched.length = 0;
    // Body: one point per occurrence, capped; the fields below then lift a term to their weight.
    const n = termIds(dict, p.body, 2, rules, buffer);
    for (let i = 0; i < n; i++) {
      const id = buffer.ids[i]!;
      if (isStop[id]) continue;
      touch(id, doc);
      if (current[id]! < bodyCap) current[id]! += weights.body;
    }
    add(doc, p.description, weights.description);
    add(doc, p.category, weights.category);
    add(doc, p.tags.join(" "), weights.tags);
    add(doc, p.name, weights.name);
    for (let i = 0; i < touched.length; i++) {
      const id = touched.data[i]!;
      postings.push((id << 8) | current[id]!);
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
