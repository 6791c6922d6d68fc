import "server-only";
import { and, count, desc, eq, isNull, lt, or } from "drizzle-orm";
import { first, rowCount, inserted } from "../dialect";
import type { Executor } from "../client";
import { apiKeys, users, type ApiKey } from "../schema";
import type { Tier } from "@/lib/tiers";

export async function insertApiKey({
  db,
  id,
  userId,
  name,
  keyHash,
  prefix,
}: {
  db: Executor;
  id: string;
  userId: string;
  name: string;
  keyHash: string;
  prefix: string;
}): Promise<ApiKey> {
  return db.insert(apiKeys).values({ id, userId, name, keyHash, prefix }).returning().then(inserted);
}

/** A user's keys, newest first, revoked ones included (the listing says so). */
export async function listApiKeys({ db, userId }: { db: Executor; userId: string }): Promise<ApiKey[]> {
  return db.select().from(apiKeys).where(eq(apiKeys.userId, userId)).orderBy(desc(apiKeys.createdAt));
}

export async function countActiveApiKeys({ db, userId }: { db: Executor; userId: string }): Promise<number> {
  return (
    (
      await db
        .select({ n: count() })
        .from(apiKeys)
        .where(and(eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
        .then(first)
    )?.n ?? 0
  );
}

export async function getApiKey({ db, id }: { db: Executor; id: string }): Promise<ApiKey | undefined> {
  return db.select().from(apiKeys).where(eq(apiKeys.id, id)).then(first);
}

/** The live key with this hash and its owner's current tier (read now, never cached with the key). */
export async function getActiveApiKeyByHash({
  db,
  keyHash,
}: {
  db: Executor;
  keyHash: string;
}): Promise<{ key: ApiKey; owner: { id: string; tier: Tier; isGuest: boolean } } | undefined> {
  const row = await db
    .select({ key: apiKeys, owner: { id: users.id, tier: users.tier, isGuest: users.isGuest } })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)))
    .then(first);
  return row ?? undefined;
}

/**
 * Revokes a key if it is live (and, given `userId`, belongs to that user): true for exactly one of
 * any racing callers.
 */
export async function revokeApiKey({
  db,
  id,
  userId,
}: {
  db: Executor;
  id: string;
  userId?: string;
}): Promise<boolean> {
  const result = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(
      and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt), userId ? eq(apiKeys.userId, userId) : undefined),
    );
  return rowCount(result) === 1;
}

/** Notes a use, at most once per `every` ms per key, so busy keys do not write on every call. */
export async function touchApiKey({
  db,
  id,
  at,
  every,
}: {
  db: Executor;
  id: string;
  at: Date;
  every: number;
}) {
  await db
    .update(apiKeys)
    .set({ lastUsedAt: at })
    .where(
      and(
        eq(apiKeys.id, id),
        or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(at.getTime() - every))),
      ),
    );
}
