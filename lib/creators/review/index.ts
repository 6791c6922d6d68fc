import { checkContent } from "./content-check";
import { findHiddenText } from "./hidden-text";
import { findInjection } from "./injection";
import { findHostileMarkup, linkedSites } from "./markup";
import { findNearDuplicates, PublishedIndex } from "./near-duplicate";
import { checkRoundTrips } from "./round-trip";
import { findSecrets } from "./secrets";
import { personaText } from "./text";
import type { PublishedPersonaRef, ReviewFinding, ReviewReport } from "./types";

export type { PublishedPersonaRef, ReviewFinding, ReviewLevel, ReviewReport } from "./types";
export { JACCARD_THRESHOLD, CONTAINMENT_THRESHOLD, PublishedIndex } from "./near-duplicate";

/**
 * The largest persona file reviewed (bytes of UTF-8): far above what the schema's fields and a long
 * prompt need (the catalog's largest is under 20 KB), and small enough that one review stays quick.
 */
export const REVIEW_MAX_BYTES = 256 * 1024;

/** Indexes built for a list the caller passed as an array, so passing the same array again is cheap. */
const indexes = new WeakMap<ReadonlyArray<PublishedPersonaRef>, PublishedIndex>();

/** Builds (or gives back) the index of published prompts for near-duplicate checks. */
export function publishedIndex(
  published: ReadonlyArray<PublishedPersonaRef> | PublishedIndex,
): PublishedIndex {
  if (published instanceof PublishedIndex) return published;
  let index = indexes.get(published);
  if (!index) indexes.set(published, (index = new PublishedIndex(published)));
  return index;
}

/**
 * The automated review of a submitted persona file: refused (it cannot be published as it is: the
 * content checks, a secret, an export that breaks), needs a moderator (hostile content, a likely
 * copy), or clean. Pure: same input, same report.
 */
export function reviewPersonaFile(input: {
  fileName: string;
  text: string;
  /** The published personas, or an index of them built once (PublishedIndex) for speed. */
  published: ReadonlyArray<PublishedPersonaRef> | PublishedIndex;
  /** Every persona id that exists (content files and creators'), for worksWellWith. */
  knownIds: ReadonlySet<string>;
  /** The published persona this one was remixed from: being like it is expected. */
  remixOf?: string;
}): ReviewReport {
  const size = Buffer.byteLength(input.text, "utf8");
  if (size > REVIEW_MAX_BYTES)
    return verdictOf([
      {
        rule: "content-check",
        level: "refuse",
        message: `The persona file is ${Math.ceil(size / 1024)} KB; at most ${REVIEW_MAX_BYTES / 1024} KB is accepted.`,
      },
    ]);
  const t = personaText(input.text);
  const { persona, findings: contentFindings } = checkContent(input);
  const findings: ReviewFinding[] = [
    ...contentFindings,
    ...findSecrets(t),
    ...findHostileMarkup(t),
    ...findInjection(t),
    ...findHiddenText(t),
  ];
  const body = persona?.body ?? input.text.slice(t.bodyStart);
  findings.push(
    ...findNearDuplicates({
      body,
      description: persona?.description ?? "",
      ownId: persona?.id ?? input.fileName.replace(/\.md$/, ""),
      remixOf: input.remixOf,
      index: publishedIndex(input.published),
    }),
  );
  if (persona) findings.push(...checkRoundTrips(persona));
  findings.push(...linkedSites(t));
  return verdictOf(findings);
}

const ORDER = { refuse: 0, flag: 1, info: 2 } as const;

export function verdictOf(findings: ReviewFinding[]): ReviewReport {
  const sorted = [...findings].sort((a, b) => ORDER[a.level] - ORDER[b.level]);
  const verdict = sorted.some((f) => f.level === "refuse")
    ? "refused"
    : sorted.some((f) => f.level === "flag")
      ? "needs_moderator"
      : "clean";
  return { verdict, findings: sorted };
}
