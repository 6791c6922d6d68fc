import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import type { Executor } from "@/lib/db/client";
import { getCreatorPersona } from "@/lib/db/queries/creator-personas";
import { moderatorIds } from "@/lib/db/queries/persona-stats";
import { isModerator } from "@/lib/moderation/roles";

/**
 * Who may see a persona's figures in the studio: its creator and the moderators (read from the
 * database on every request). Neither the creator's own use nor any moderator's is counted
 * (`exclude`). Content-file personas have no creator: only moderators see theirs.
 */
export async function studioAccess({
  db,
  viewer,
  personaId,
}: {
  db: Executor;
  viewer: Viewer | null;
  personaId: string;
}): Promise<{ exclude: string[] } | null> {
  if (!viewer) return null;
  const owned = await getCreatorPersona({ db, id: personaId });
  const allowed = owned?.userId === viewer.id || (await isModerator({ db, userId: viewer.id }));
  if (!allowed) return null;
  return { exclude: [...new Set([...(owned ? [owned.userId] : []), ...(await moderatorIds({ db }))])] };
}
