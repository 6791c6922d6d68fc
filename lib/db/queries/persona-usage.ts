import "server-only";
import { and, gte, lt, lte, sql } from "drizzle-orm";
import { rowCount } from "../dialect";
import type { Executor } from "../client";
import { prepared } from "../prepared";
import { personaUsageActors, personaUsageDays } from "../schema";

/**
 * Counts one chatting actor for a persona on a day: the first time only. The primary key makes
 * the check and the insert one statement; the day's count moves only when the row is new.
 */
export async function recordPersonaUse({
  db,
  personaId,
  day,
  actorHash,
}: {
  db: Executor;
  personaId: string;
  day: string;
  actorHash: string;
}): Promise<boolean> {
  const added = await firstUseQuery(db).execute({ personaId, day, actorHash });
  if (rowCount(added) !== 1) return false;
  await db
    .insert(personaUsageDays)
    .values({ personaId, day, users: 1 })
    .onConflictDoUpdate({
      target: [personaUsageDays.personaId, personaUsageDays.day],
      set: { users: sql`${personaUsageDays.users} + 1` },
    });
  return true;
}

const firstUseQuery = prepared("persona_first_use", (db) =>
  db
    .insert(personaUsageActors)
    .values({
      personaId: sql.placeholder("personaId"),
      day: sql.placeholder("day"),
      actorHash: sql.placeholder("actorHash"),
    })
    .onConflictDoNothing(),
);

/** Who-chatted rows are only needed while their day can still be counted again. */
export async function pruneUsageActors({
  db,
  beforeDay,
}: {
  db: Executor;
  beforeDay: string;
}): Promise<number> {
  return rowCount(await db.delete(personaUsageActors).where(lt(personaUsageActors.day, beforeDay)));
}

/** Distinct users per persona summed over the days fromDay..toDay (inclusive, "YYYY-MM-DD"). */
export async function usageTotals({
  db,
  fromDay,
  toDay,
}: {
  db: Executor;
  fromDay: string;
  toDay: string;
}): Promise<Map<string, number>> {
  const rows = await db
    .select({
      personaId: personaUsageDays.personaId,
      users: sql<number>`sum(${personaUsageDays.users})`.mapWith(Number),
    })
    .from(personaUsageDays)
    .where(and(gte(personaUsageDays.day, fromDay), lte(personaUsageDays.day, toDay)))
    .groupBy(personaUsageDays.personaId);
  return new Map(rows.map((r) => [r.personaId, Number(r.users)]));
}
