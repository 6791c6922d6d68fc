import "server-only";
import type { Executor } from "@/lib/db/client";
import { getCreatorPersona } from "@/lib/db/queries/creator-personas";
import { parsePersonaFile } from "@/lib/personas/parse";
import type { Persona } from "@/lib/personas/schema";

/**
 * A creator persona a moderator unpublished, as it was last published: its conversations stay
 * readable (read-only) with a notice, though it left the catalog.
 */
export async function unpublishedPersona({
  db,
  id,
}: {
  db: Executor;
  id: string;
}): Promise<Persona | undefined> {
  const row = await getCreatorPersona({ db, id });
  if (!row || row.status !== "unpublished") return undefined;
  return parsePersonaFile(`${id}.md`, Buffer.from(row.text, "utf8")).persona;
}
