/**
 * Word -> id for the index build, looked up straight from a range of the text it occurs in: no
 * substring and no Map hashing per occurrence, which is where most of the build time went (a
 * catalog of 5,000 prompts holds millions of words but only hundreds of distinct ones).
 */
export class TermDictionary {
  readonly words: string[] = [];
  private readonly hashes: number[] = [];
  /** Open addressing: id + 1 per slot, 0 for empty. */
  private table = new Int32Array(1024);

  /** The id of the ASCII word in `bytes[start..end)`, added if new; `hash` is hashStep over its bytes. */
  idOfBytes(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const mask = this.table.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot]!;
      if (entry === 0) return this.add(String.fromCharCode(...bytes.subarray(start, end)), hash, slot);
      const id = entry - 1;
      if (this.hashes[id] === hash && sameBytes(this.words[id]!, bytes, start, length)) return id;
    }
  }

  idOf(word: string): number {
    let hash = HASH_SEED;
    for (let i = 0; i < word.length; i++) hash = hashStep(hash, word.charCodeAt(i));
    const mask = this.table.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot]!;
      if (entry === 0) return this.add(word, hash, slot);
      const id = entry - 1;
      if (this.hashes[id] === hash && this.words[id] === word) return id;
    }
  }

  private add(word: string, hash: number, slot: number): number {
    const id = this.words.length;
    this.words.push(word);
    this.hashes.push(hash);
    this.table[slot] = id + 1;
    if (this.words.length * 2 > this.table.length) this.grow();
    return id;
  }

  private grow(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    this.hashes.forEach((hash, id) => {
      let slot = hash & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = id + 1;
    });
    this.table = table;
  }
}

/** FNV-1a over UTF-16 code units (the bytes, for ASCII), one step at a time for callers that scan text. */
export const HASH_SEED = 0x811c9dc5 | 0;
export const hashStep = (hash: number, code: number) => Math.imul(hash ^ code, 0x01000193);

function sameBytes(word: string, bytes: Uint8Array, start: number, length: number): boolean {
  if (word.length !== length) return false;
  for (let i = 0; i < length; i++) if (word.charCodeAt(i) !== bytes[start + i]) return false;
  return true;
}
