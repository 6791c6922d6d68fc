import "server-only";
import { and, count, eq, inArray } from "drizzle-orm";
import type { Executor } from "../client";
import { favorites } from "../schema";

export function addFavorite({ db, userId, personaId }: { db: Executor; userId: string; personaId: string }) {
  db.insert(favorites).values({ userId, personaId }).onConflictDoNothing().run();
}

export function removeFavorite({
  db,
  userId,
  personaId,
}: {
  db: Executor;
  userId: string;
  personaId: string;
}) {
  db.delete(favorites)
    .where(and(eq(favorites.userId, userId), eq(favorites.personaId, personaId)))
    .run();
}

/** The user's starred persona ids, newest first. */
export function listFavoriteIds({ db, userId }: { db: Executor; userId: string }): string[] {
  return db
    .select({ personaId: favorites.personaId })
    .from(favorites)
    .where(eq(favorites.userId, userId))
    .orderBy(favorites.createdAt)
    .all()
    .map((r) => r.personaId)
    .reverse();
}

export function countFavorites({ db, personaId }: { db: Executor; personaId: string }): number {
  return db.select({ n: count() }).from(favorites).where(eq(favorites.personaId, personaId)).get()?.n ?? 0;
}

/** Stars per persona, for every persona that has any (or only those named). */
export function favoriteCounts({
  db,
  personaIds,
}: {
  db: Executor;
  personaIds?: string[];
}): Map<string, number> {
  const rows = db
    .select({ personaId: favorites.personaId, n: count() })
    .from(favorites)
    .where(personaIds ? inArray(favorites.personaId, personaIds) : undefined)
    .groupBy(favorites.personaId)
    .all();
  return new Map(rows.map((r) => [r.personaId, r.n]));
}
