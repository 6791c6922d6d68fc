import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import type { Executor } from "@/lib/db/client";

/**
 * Who may see a persona's figures in the studio: its creator and the moderators, and then without
 * their own use (`exclude`). Creators' ownership and the moderator role come with creators'
 * publishing (#20); until they exist nobody is let in here (the operator has `npm run stats`):
 * no access is safer than too much.
 */
export async function studioAccess({
  viewer,
}: {
  db: Executor;
  viewer: Viewer | null;
  personaId: string;
}): Promise<{ exclude: string[] } | null> {
  if (!viewer) return null;
  return null;
}
