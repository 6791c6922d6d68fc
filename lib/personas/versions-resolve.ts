import "server-only";
import type { Executor } from "@/lib/db/client";
import { getVersion, versionStatus } from "@/lib/db/queries/persona-versions";
import type { Catalog } from "./catalog";
import type { Persona } from "./schema";
import { parseModelRef, personaFromStoredText } from "./versions";

export type ResolvedVersion =
  | { ok: true; persona: Persona; current: Persona; version: string }
  | { ok: false; reason: "unknown_persona" | "unknown_version" | "unpublished"; message: string };

/**
 * `<id>` (the catalog's version) or `<id>@<version>` (that version's stored text; the newest text
 * stored under that number). An unpublished version cannot be chosen.
 */
export async function resolvePersonaRef({
  db,
  catalog,
  ref,
}: {
  db: Executor;
  catalog: Catalog;
  ref: string;
}): Promise<ResolvedVersion> {
  const { id, version } = parseModelRef(ref);
  const current = catalog.byId.get(id);
  if (!current)
    return { ok: false, reason: "unknown_persona", message: `There is no persona with the id "${id}".` };
  if (version === undefined || (version === current.version && current.textHash)) {
    if (current.textHash) {
      const status = await versionStatus({
        db,
        personaId: id,
        version: current.version,
        textHash: current.textHash,
      });
      if (status?.unpublishedAt) return unpublished(current, current.version, status.reason);
    }
    return { ok: true, persona: current, current, version: current.version };
  }
  const row = await getVersion({ db, personaId: id, version });
  const persona = row && personaFromStoredText(id, row.textHash, row.text);
  if (!row || !persona)
    return {
      ok: false,
      reason: "unknown_version",
      message: `${current.name} has no version "${version}". Its versions are listed at /personas/${id}/versions.`,
    };
  if (row.unpublishedAt) return unpublished(current, version, row.unpublishedReason);
  return { ok: true, persona, current, version };
}

const unpublished = (p: Persona, version: string, reason: string | null): ResolvedVersion => ({
  ok: false,
  reason: "unpublished",
  message: `Version ${version} of ${p.name} was unpublished by a moderator${reason ? `: ${reason}` : ""}.`,
});
