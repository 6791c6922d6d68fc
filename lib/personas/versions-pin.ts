import "server-only";
import type { Executor } from "@/lib/db/client";
import { getVersion, versionStatus } from "@/lib/db/queries/persona-versions";
import { AppError } from "@/lib/errors";
import type { Persona } from "./schema";
import { personaFromStoredText } from "./versions";

export type PinnedPersona = {
  persona: Persona;
  /** The version the prompt comes from, and the hash of its text (absent for a catalog persona without one). */
  version: string;
  textHash: string | null;
  /** The catalog holds a different (newer) text than this version's. */
  outdated: boolean;
};

/** A moderator took this version down: no new messages, the history stays readable. */
export const unpublishedError = (persona: Pick<Persona, "name">, version: string, reason: string | null) =>
  new AppError(
    "forbidden",
    `Version ${version} of ${persona.name} was unpublished by a moderator${reason ? `: ${reason}` : ""}. This conversation stays readable, but cannot continue on it.`,
    { reason: "version_unpublished", version },
  );

/**
 * The persona a conversation talks to: the version it is pinned to (its stored text when the
 * catalog has moved on), refused when a moderator unpublished it. A conversation from before
 * versions were kept (no hash) talks to the catalog's persona. One primary-key read when the
 * conversation is on the catalog's version; the stored text is parsed once per process (LRU).
 */
export async function pinnedPersona({
  db,
  current,
  pin,
}: {
  db: Executor;
  /** The catalog's persona (the latest version). */
  current: Persona;
  pin: { version: string | null; textHash: string | null } | null;
}): Promise<PinnedPersona> {
  if (!pin?.textHash || !pin.version || pin.textHash === current.textHash) {
    const textHash = current.textHash ?? null;
    if (textHash) {
      const status = await versionStatus({ db, personaId: current.id, version: current.version, textHash });
      if (status?.unpublishedAt) throw unpublishedError(current, current.version, status.reason);
    }
    return { persona: current, version: current.version, textHash, outdated: false };
  }
  const row = await getVersion({ db, personaId: current.id, version: pin.version, textHash: pin.textHash });
  const persona = row && personaFromStoredText(current.id, row.textHash, row.text);
  if (!row || !persona)
    throw new AppError(
      "conflict",
      `Version ${pin.version} of ${current.name}, which this conversation started with, is no longer available. Switch to version ${current.version} to continue.`,
      { reason: "version_missing", version: pin.version },
    );
  if (row.unpublishedAt) throw unpublishedError(current, pin.version, row.unpublishedReason);
  return { persona, version: row.version, textHash: row.textHash, outdated: true };
}
