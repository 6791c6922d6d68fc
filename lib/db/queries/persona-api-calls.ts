import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import { personaApiCalls } from "../schema";

/** One API reply for a persona version, by a caller, on a UTC day. */
export async function countApiCall({
  db,
  personaId,
  version,
  day,
  userId,
}: {
  db: Executor;
  personaId: string;
  version: string;
  day: string;
  userId: string;
}) {
  await db
    .insert(personaApiCalls)
    .values({ personaId, version, day, userId, calls: 1 })
    .onConflictDoUpdate({
      target: [
        personaApiCalls.personaId,
        personaApiCalls.version,
        personaApiCalls.day,
        personaApiCalls.userId,
      ],
      set: { calls: sql`${personaApiCalls.calls} + 1` },
    });
}
