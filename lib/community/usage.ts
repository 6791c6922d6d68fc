import "server-only";
import { createHmac } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";
import type { Executor } from "@/lib/db/client";
import { pruneUsageActors, recordPersonaUse } from "@/lib/db/queries/persona-usage";

/** "YYYY-MM-DD" in UTC, `offset` days from `now`. */
export function dayOf(now: Date, offset = 0): string {
  return new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Who counts once a day: a signed-in user by account; a guest by client address group (so a
 * cleared cookie is not a new person), or by guest id when the address is unknown. Kept as a
 * keyed hash: the table never holds an address or a user id.
 */
export function usageActorHash(actor: { kind: string; userId: string }, clientGroup?: string): string {
  const key =
    actor.kind === "user"
      ? `user:${actor.userId}`
      : clientGroup
        ? `addr:${clientGroup}`
        : `guest:${actor.userId}`;
  return createHmac("sha256", authSecret()).update(`persona-usage:${key}`).digest("base64url").slice(0, 22);
}

const globalForUsage = globalThis as unknown as { personaUsagePrunedDay?: string };

/** Counts a chat message towards its persona's daily distinct users (called where it is saved). */
export async function countPersonaUse({
  db,
  personaId,
  actor,
  clientGroup,
  now = new Date(),
}: {
  db: Executor;
  personaId: string;
  actor: { kind: string; userId: string };
  clientGroup?: string;
  now?: Date;
}) {
  const day = dayOf(now);
  await recordPersonaUse({ db, personaId, day, actorHash: usageActorHash(actor, clientGroup) });
  if (globalForUsage.personaUsagePrunedDay !== day) {
    globalForUsage.personaUsagePrunedDay = day;
    await pruneUsageActors({ db, beforeDay: dayOf(now, -1) });
  }
}
