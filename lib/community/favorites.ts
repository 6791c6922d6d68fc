import "server-only";
import type { Executor } from "@/lib/db/client";
import { addFavorite, countFavorites, listFavoriteIds, removeFavorite } from "@/lib/db/queries/favorites";
import { forgetStats } from "./stats-cache";

export type FavoriteState = { personaId: string; favorited: boolean; favorites: number };

/** Stars or unstars a persona for its user; doing it twice is the same as once. */
export async function setFavorite({
  db,
  userId,
  personaId,
  favorited,
}: {
  db: Executor;
  userId: string;
  personaId: string;
  favorited: boolean;
}): Promise<FavoriteState> {
  if (favorited) await addFavorite({ db, userId, personaId });
  else await removeFavorite({ db, userId, personaId });
  forgetStats();
  return { personaId, favorited, favorites: await countFavorites({ db, personaId }) };
}

/** The viewer's stars as a set; empty without a viewer. */
export async function favoriteSet({
  db,
  userId,
}: {
  db: Executor;
  userId: string | null | undefined;
}): Promise<Set<string>> {
  return new Set(userId ? await listFavoriteIds({ db, userId }) : []);
}

/** Favourites first, otherwise in the order given. */
export function favoritesFirst<T extends { id: string }>(items: readonly T[], starred: Set<string>): T[] {
  return [...items].sort((a, b) => Number(starred.has(b.id)) - Number(starred.has(a.id)));
}
