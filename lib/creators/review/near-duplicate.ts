import { estimateJaccard, LshIndex, shingles, signature } from "./minhash";
import { plainWords } from "./text";
import type { PublishedPersonaRef, ReviewFinding } from "./types";

/**
 * Flag at a Jaccard similarity of word 5-gram shingles of at least 0.3: 30% of all the five-word
 * runs of the two prompts together are in both. Independently written prompts share almost none
 * (the catalog's closest pair scores 0.004, shared headings and all), while a copy with one word in
 * ten replaced still scores about 0.33, one in fifteen 0.5 (measured in near-duplicate.test.ts).
 * The estimate from 128 hashes is within ±0.04 (one standard deviation) at 0.3, far from both. A
 * false alarm costs a moderator's look, a miss lets a copy through: the threshold sits low.
 */
export const JACCARD_THRESHOLD = 0.3;
/**
 * Also flag when at least 70% of a published prompt's five-word runs are in the submission, even if
 * much new text around it keeps the Jaccard similarity low: a copy padded with one's own text.
 */
export const CONTAINMENT_THRESHOLD = 0.7;
/** Containment of a prompt this short (in five-word runs) says little: one stock sentence would do. */
const CONTAINMENT_MIN_SHINGLES = 20;
/** Descriptions this long or longer, word for word the same as a published one's, are flagged. */
const SAME_DESCRIPTION_MIN_CHARS = 40;

type Entry = { ref: PublishedPersonaRef; size: number; sig: Uint32Array; description: string };

/**
 * The published personas' prompts, hashed once (about 0.2 ms of CPU each: 2 s for 10,000): build it
 * once per process and keep it current with `add` (a persona published or updated) and `remove`
 * (unpublished), or build it again when the catalog changes; reuse it for every review.
 */
export class PublishedIndex {
  private readonly entries: Entry[] = [];
  private readonly lsh = new LshIndex();
  private readonly byDescription = new Map<string, number[]>();
  /** The live entry of each id; entries replaced or removed stay in the buckets and are skipped. */
  private readonly docById = new Map<string, number>();

  constructor(published: ReadonlyArray<PublishedPersonaRef>) {
    for (const ref of published) this.add(ref);
  }

  get size(): number {
    return this.docById.size;
  }

  /** Adds a published persona, or replaces the one with the same id (a new version). */
  add(ref: PublishedPersonaRef): void {
    const set = shingles(ref.body);
    const doc = this.entries.length;
    this.docById.set(ref.id, doc);
    const description = plainWords(ref.description);
    const entry = { ref, size: set.length, sig: signature(set), description };
    this.entries.push(entry);
    this.lsh.add(doc, entry.sig);
    if (description.length >= SAME_DESCRIPTION_MIN_CHARS) {
      const list = this.byDescription.get(description);
      if (list) list.push(doc);
      else this.byDescription.set(description, [doc]);
    }
  }

  remove(id: string): void {
    this.docById.delete(id);
  }

  private live(doc: number): boolean {
    return this.docById.get(this.entries[doc]!.ref.id) === doc;
  }

  /** Published prompts like `body`, most similar first, with their estimated similarity. */
  similar(body: string, description = ""): Match[] {
    const set = shingles(body);
    const sig = signature(set);
    const matches: Match[] = [];
    for (const doc of this.lsh.candidates(sig)) {
      if (!this.live(doc)) continue;
      const entry = this.entries[doc]!;
      const jaccard = estimateJaccard(sig, entry.sig);
      // |A ∩ B| = J (|A| + |B|) / (1 + J), from the estimate and the exact set sizes.
      const shared = (jaccard * (set.length + entry.size)) / (1 + jaccard);
      const containment = Math.min(1, shared / entry.size);
      matches.push({
        ref: entry.ref,
        jaccard,
        containment,
        originalSize: entry.size,
        sameDescription: false,
      });
    }
    const key = plainWords(description);
    for (const doc of this.byDescription.get(key) ?? []) {
      if (!this.live(doc)) continue;
      const entry = this.entries[doc]!;
      const found = matches.find((m) => m.ref === entry.ref);
      if (found) found.sameDescription = true;
      else
        matches.push({
          ref: entry.ref,
          jaccard: 0,
          containment: 0,
          originalSize: entry.size,
          sameDescription: true,
        });
    }
    return matches.sort((a, b) => b.jaccard - a.jaccard || b.containment - a.containment);
  }
}

export type Match = {
  ref: PublishedPersonaRef;
  jaccard: number;
  containment: number;
  originalSize: number;
  sameDescription: boolean;
};

const isNearDuplicate = (m: Match) =>
  m.jaccard >= JACCARD_THRESHOLD ||
  (m.containment >= CONTAINMENT_THRESHOLD && m.originalSize >= CONTAINMENT_MIN_SHINGLES) ||
  m.sameDescription;

const percent = (x: number) => `${Math.round(x * 100)}%`;

/**
 * Near-duplicates of published personas, flagged (the persona's own earlier version, `ownId`, is
 * not one; the persona it was remixed from is said, as information).
 */
export function findNearDuplicates(input: {
  body: string;
  description: string;
  ownId: string;
  remixOf?: string;
  index: PublishedIndex;
}): ReviewFinding[] {
  const findings: ReviewFinding[] = [];
  for (const m of input.index.similar(input.body, input.description)) {
    if (m.ref.id === input.ownId || !isNearDuplicate(m)) continue;
    const remix = m.ref.id === input.remixOf;
    const how =
      m.jaccard >= 0.98
        ? `has the same prompt (or all but the same) as "${m.ref.name}" (${m.ref.id})`
        : m.jaccard >= JACCARD_THRESHOLD
          ? `shares ${percent(m.jaccard)} of its wording (runs of five words) with the prompt of "${m.ref.name}" (${m.ref.id}); ${percent(JACCARD_THRESHOLD)} or more is flagged`
          : m.containment >= CONTAINMENT_THRESHOLD && m.originalSize >= CONTAINMENT_MIN_SHINGLES
            ? `contains about ${percent(m.containment)} of the prompt of "${m.ref.name}" (${m.ref.id}); ${percent(CONTAINMENT_THRESHOLD)} or more is flagged`
            : `has word for word the description of "${m.ref.name}" (${m.ref.id})`;
    findings.push({
      rule: "near-duplicate",
      level: remix ? "info" : "flag",
      field:
        m.jaccard >= JACCARD_THRESHOLD || m.containment >= CONTAINMENT_THRESHOLD ? "body" : "description",
      matchedId: m.ref.id,
      message: remix
        ? `This remix ${how}, the persona it was remixed from.`
        : `This persona ${how}. A moderator will check that it is not a copy of someone else's work.`,
    });
    if (findings.length >= 3) break;
  }
  return findings;
}
