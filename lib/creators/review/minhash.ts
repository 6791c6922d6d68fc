/**
 * MinHash signatures over word shingles, and an LSH index to find the signatures close to one
 * without comparing it with every other. Pure and deterministic (fixed seeds): the same text gives
 * the same signature in every process.
 */
export const SHINGLE_WORDS = 5;
export const SIGNATURE_SIZE = 128;
/**
 * 64 bands of 2 rows: a pair whose Jaccard similarity is J shares a band with probability
 * 1 - (1 - J²)^64 — 0.93 at J = 0.2, 0.9998 at 0.4, 0.006 at 0.01 (unrelated texts) — so pairs
 * well below the thresholds used by the rule are already candidates, and unrelated ones rarely are.
 */
export const BANDS = 64;
const ROWS = SIGNATURE_SIZE / BANDS;

/** FNV-1a over UTF-16 code units, then a murmur3 finaliser for spread. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return mix(h);
}

function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix(0x9e3779b9 + i * 0x632be5ab));

/** The distinct hashed shingles of words (one shingle of all of them when there are fewer). */
export function shingles(words: readonly string[]): Uint32Array {
  // Each word hashed once; a shingle's hash combines its words' in order.
  const hashes = words.map(hashString);
  const set = new Set<number>();
  const n = Math.max(1, words.length - SHINGLE_WORDS + 1);
  for (let i = 0; i < n; i++) {
    let h = SHINGLE_WORDS;
    for (let j = i; j < Math.min(i + SHINGLE_WORDS, hashes.length); j++)
      h = mix(Math.imul(h, 0x01000193) ^ hashes[j]!);
    set.add(h);
  }
  return Uint32Array.from(set);
}

export function signature(shingleHashes: Uint32Array): Uint32Array {
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const h of shingleHashes) {
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const v = mix(h ^ SEEDS[k]!);
      if (v < sig[k]!) sig[k] = v;
    }
  }
  return sig;
}

/** The share of equal slots: an unbiased estimate of the Jaccard similarity of the two sets. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < SIGNATURE_SIZE; k++) if (a[k] === b[k]) same++;
  return same / SIGNATURE_SIZE;
}

/** One number for a band's rows (a collision only adds a candidate, which is then measured). */
function bandKey(sig: Uint32Array, band: number): number {
  let h = band;
  for (let r = 0; r < ROWS; r++) h = mix(h ^ sig[band * ROWS + r]!) + r;
  return h >>> 0;
}

/** Documents by band; `candidates` gives the ones sharing at least one band with a signature. */
export class LshIndex {
  private readonly bands = Array.from({ length: BANDS }, () => new Map<number, number[]>());

  add(doc: number, sig: Uint32Array): void {
    this.bands.forEach((buckets, b) => {
      const key = bandKey(sig, b);
      const bucket = buckets.get(key);
      if (bucket) bucket.push(doc);
      else buckets.set(key, [doc]);
    });
  }

  candidates(sig: Uint32Array): Set<number> {
    const found = new Set<number>();
    this.bands.forEach((buckets, b) => {
      for (const doc of buckets.get(bandKey(sig, b)) ?? []) found.add(doc);
    });
    return found;
  }
}
