import "server-only";
import type { Executor } from "@/lib/db/client";
import { getCreatorPersona, remixCounts } from "@/lib/db/queries/creator-personas";
import { isCreatorPersona } from "./catalog-refresh";
import { handleOf } from "./ids";

export type PersonaCredit = {
  /** The creator's handle, for a creator's persona; null for a content file's. */
  handle: string | null;
  remixOf: { id: string; version: string | null } | null;
  remixes: number;
};

/** Who made a persona, what it was remixed from, and how many published remixes it has. */
export async function personaCredit({
  db,
  personaId,
}: {
  db: Executor;
  personaId: string;
}): Promise<PersonaCredit> {
  const remixes = (await remixCounts({ db, ids: [personaId] })).get(personaId) ?? 0;
  if (!isCreatorPersona(personaId)) return { handle: null, remixOf: null, remixes };
  const row = await getCreatorPersona({ db, id: personaId });
  return {
    handle: handleOf(personaId) ?? null,
    remixOf: row?.remixOf ? { id: row.remixOf, version: row.remixOfVersion } : null,
    remixes,
  };
}
