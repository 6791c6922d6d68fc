import "server-only";
import { createHmac } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";
import { lruCache } from "@/lib/cache/lru";
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
  const secret = authSecret();
  // Asked on every chat message, mostly for the same few people: an HMAC's key setup costs more than the rest of it.
  const kept = hashes.get(key);
  if (kept?.secret === secret) return kept.hash;
  const hash = createHmac("sha256", secret).update(`persona-usage:${key}`).digest("base64url").slice(0, 22);
  hashes.set(key, { secret, hash });
  return hash;
}

/** The people chatting lately: 10,000 covers a busy day's active chatters at about 100 bytes each. */
const hashes = lruCache<string, { secret: string; hash: string }>({ max: 10_000 });

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
