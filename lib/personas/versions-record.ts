import "server-only";
import crypto from "node:crypto";
import type { Executor } from "@/lib/db/client";
import { insertVersions, storedVersionKeys, type NewVersion } from "@/lib/db/queries/persona-versions";
import type { Persona } from "./schema";

/** Rows per insert: well under both engines' limits on bound parameters. */
const BATCH = 200;

export type VersionSource = {
  persona: Persona;
  /** The persona-file text it was parsed from (bytes or a string); read only for versions not stored yet. */
  text: () => string | Buffer;
  source: "content" | "creator";
  /** A creator's changelog line; content files give theirs in the front matter. */
  changelog?: string | null;
};

/**
 * Keeps every version the catalog holds: one query for the keys already stored, then the missing
 * ones inserted in batches (idempotent: a version another instance stored meanwhile is skipped).
 * Returns how many were new.
 */
export async function recordCatalogVersions({
  db,
  sources,
}: {
  db: Executor;
  sources: readonly VersionSource[];
}): Promise<number> {
  if (sources.length === 0) return 0;
  const stored = await storedVersionKeys({ db });
  const missing: NewVersion[] = [];
  for (const s of sources) {
    const p = s.persona;
    if (p.textHash && stored.has(`${p.id}\0${p.textHash}`)) continue;
    const raw = s.text();
    const bytes = typeof raw === "string" ? Buffer.from(raw, "utf8") : raw;
    const textHash = crypto.createHash("sha256").update(bytes).digest("hex");
    // A file edited since the catalog read it is not this version: the next load records it.
    if ((p.textHash && textHash !== p.textHash) || stored.has(`${p.id}\0${textHash}`)) continue;
    missing.push({
      personaId: p.id,
      version: p.version,
      textHash,
      text: bytes.toString("utf8"),
      changelog: s.changelog ?? p.changelog ?? null,
      source: s.source,
    });
  }
  let added = 0;
  for (let i = 0; i < missing.length; i += BATCH) {
    const batch = missing.slice(i, i + BATCH);
    added += await insertVersions({ db, rows: batch });
  }
  return added;
}
