import "server-only";
import { desc, eq } from "drizzle-orm";
import { first } from "../dialect";
import type { Executor } from "../client";
import { tierChanges, users, type TierChange, type TIER_SOURCES } from "../schema";
import { audit } from "@/lib/log";
import type { Tier } from "@/lib/tiers";

type Source = (typeof TIER_SOURCES)[number];

/** Sets a user's tier and records the change, in the caller's transaction. No-op if unchanged. */
export async function setUserTier({
  db,
  userId,
  tier,
  source,
  reference = null,
}: {
  db: Executor;
  userId: string;
  tier: Tier;
  source: Source;
  reference?: string | null;
}): Promise<{ changed: boolean; from: Tier } | undefined> {
  const user = await db.select({ tier: users.tier }).from(users).where(eq(users.id, userId)).then(first);
  if (!user) return undefined;
  if (user.tier === tier) return { changed: false, from: user.tier };
  const at = new Date();
  await db.update(users).set({ tier, tierSince: at, tierSource: source }).where(eq(users.id, userId));
  await db
    .insert(tierChanges)
    .values({ userId, fromTier: user.tier, toTier: tier, source, reference, createdAt: at });
  audit("tier.changed", { userId, from: user.tier, to: tier, source, reference });
  return { changed: true, from: user.tier };
}

export async function listTierChanges({
  db,
  userId,
  limit = 20,
}: {
  db: Executor;
  userId: string;
  limit?: number;
}): Promise<TierChange[]> {
  return db
    .select()
    .from(tierChanges)
    .where(eq(tierChanges.userId, userId))
    .orderBy(desc(tierChanges.createdAt), desc(tierChanges.id))
    .limit(limit);
}
