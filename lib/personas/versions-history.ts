import "server-only";
import type { Executor } from "@/lib/db/client";
import { getVersion, listVersions } from "@/lib/db/queries/persona-versions";
import { unlocks } from "@/lib/tiers";
import type { Catalog } from "./catalog";
import type { Persona, Tier } from "./schema";
import { diffFields, diffWords, type DiffPart, type FieldDiff } from "./versions-diff";
import { personaFromStoredText } from "./versions";

/** A version in the history: `key` (the start of its text hash) names it in links. */
export type HistoryEntry = {
  key: string;
  version: string;
  firstSeen: string;
  changelog: string | null;
  unpublished: string | null;
  unpublishedAt: string | null;
  latest: boolean;
};

export type VersionComparison = {
  from: HistoryEntry;
  to: HistoryEntry;
  fields: FieldDiff[];
  /** The prompt body: a word diff when the viewer's tier unlocks both versions, else only the size change. */
  body: { visible: true; parts: DiffPart[] } | { visible: false; fromChars: number; toChars: number };
};

const KEY_LENGTH = 12;

/**
 * A persona's versions, newest first, and (with two keys, or by default the latest against the
 * one before) what changed between two of them, as much as the viewer's tier shows.
 */
export async function versionHistory({
  db,
  catalog,
  personaId,
  viewerTier,
  from,
  to,
}: {
  db: Executor;
  catalog: Catalog;
  personaId: string;
  viewerTier: Tier | null;
  from?: string;
  to?: string;
}): Promise<{ persona: Persona; entries: HistoryEntry[]; comparison: VersionComparison | null } | undefined> {
  const current = catalog.byId.get(personaId);
  if (!current) return undefined;
  const rows = await listVersions({ db, personaId });
  const entries: (HistoryEntry & { hash: string })[] = rows
    .map((r) => ({
      key: r.textHash.slice(0, KEY_LENGTH),
      hash: r.textHash,
      version: r.version,
      firstSeen: r.firstSeenAt.toISOString(),
      changelog: r.changelog,
      unpublished: r.unpublishedAt ? (r.unpublishedReason ?? "") : null,
      unpublishedAt: r.unpublishedAt?.toISOString() ?? null,
      latest: r.textHash === current.textHash,
    }))
    .reverse();
  const pick = (key: string | undefined, fallback: number) =>
    (key && entries.find((e) => e.key === key)) || entries[fallback];
  const toEntry = pick(
    to,
    Math.max(
      0,
      entries.findIndex((e) => e.latest),
    ),
  );
  const fromEntry = pick(from, entries.indexOf(toEntry!) + 1);
  const strip = (e: HistoryEntry & { hash: string }): HistoryEntry => {
    const { hash, ...rest } = e;
    void hash;
    return rest;
  };
  let comparison: VersionComparison | null = null;
  if (fromEntry && toEntry && fromEntry !== toEntry) {
    const [a, b] = await Promise.all([fromEntry, toEntry].map((e) => load(db, personaId, e)));
    if (a && b) {
      const open = unlocks(viewerTier, a.tier) && unlocks(viewerTier, b.tier);
      comparison = {
        from: strip(fromEntry),
        to: strip(toEntry),
        fields: diffFields(a, b).filter((f) => open || f.field !== "Checks"),
        body: open
          ? { visible: true, parts: diffWords(a.body, b.body) }
          : { visible: false, fromChars: a.body.length, toChars: b.body.length },
      };
    }
  }
  return { persona: current, entries: entries.map(strip), comparison };
}

async function load(db: Executor, personaId: string, e: { version: string; hash: string }) {
  const row = await getVersion({ db, personaId, version: e.version, textHash: e.hash });
  return row && personaFromStoredText(personaId, row.textHash, row.text);
}
