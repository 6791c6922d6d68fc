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
  const secret = authSecret();
  // Asked on every chat message, mostly for the same few people: an HMAC's key setup costs more than the rest of it.
  if (hashes.secret !== secret || hashes.byKey.size >= HASHES_KEPT) hashes = { secret, byKey: new Map() };
  let hash = hashes.byKey.get(key);
  if (hash === undefined) {
    hash = createHmac("sha256", secret).update(`persona-usage:${key}`).digest("base64url").slice(0, 22);
    hashes.byKey.set(key, hash);
  }
  return hash;
}

const HASHES_KEPT = 10_000;
let hashes: { secret: string; byKey: Map<string, string> } = { secret: "", byKey: new Map() };

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
