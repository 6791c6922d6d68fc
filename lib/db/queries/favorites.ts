import "server-only";
import { and, count, eq, inArray } from "drizzle-orm";
import { first } from "../dialect";
import type { Executor } from "../client";
import { favorites } from "../schema";

export async function addFavorite({
  db,
  userId,
  personaId,
}: {
  db: Executor;
  userId: string;
  personaId: string;
}) {
  await db.insert(favorites).values({ userId, personaId }).onConflictDoNothing();
}

export async function removeFavorite({
  db,
  userId,
  personaId,
}: {
  db: Executor;
  userId: string;
  personaId: string;
}) {
  await db.delete(favorites).where(and(eq(favorites.userId, userId), eq(favorites.personaId, personaId)));
}

/** The user's starred persona ids, newest first. */
export async function listFavoriteIds({ db, userId }: { db: Executor; userId: string }): Promise<string[]> {
  return (
    await db
      .select({ personaId: favorites.personaId })
      .from(favorites)
      .where(eq(favorites.userId, userId))
      .orderBy(favorites.createdAt)
  )
    .map((r) => r.personaId)
    .reverse();
}

export async function countFavorites({
  db,
  personaId,
}: {
  db: Executor;
  personaId: string;
}): Promise<number> {
  return (
    (await db.select({ n: count() }).from(favorites).where(eq(favorites.personaId, personaId)).then(first))
      ?.n ?? 0
  );
}

/** Stars per persona, for every persona that has any (or only those named). */
export async function favoriteCounts({
  db,
  personaIds,
}: {
  db: Executor;
  personaIds?: string[];
}): Promise<Map<string, number>> {
  const rows = await db
    .select({ personaId: favorites.personaId, n: count() })
    .from(favorites)
    .where(personaIds ? inArray(favorites.personaId, personaIds) : undefined)
    .groupBy(favorites.personaId);
  return new Map(rows.map((r) => [r.personaId, r.n]));
}
