import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { first, rowCount } from "../dialect";
import type { Executor } from "../client";
import { redeemCodes, type RedeemCode } from "../schema";
import type { Tier } from "@/lib/tiers";

export async function insertRedeemCodes({
  db,
  codes,
}: {
  db: Executor;
  codes: { codeHash: string; hint: string; tier: Tier; expiresAt: Date | null }[];
}) {
  if (codes.length) await db.insert(redeemCodes).values(codes);
}

export async function getRedeemCode({
  db,
  codeHash,
}: {
  db: Executor;
  codeHash: string;
}): Promise<RedeemCode | undefined> {
  return db.select().from(redeemCodes).where(eq(redeemCodes.codeHash, codeHash)).then(first);
}

/** Marks the code used by this user if nobody has: true for exactly one of any racing callers. */
export async function claimRedeemCode({
  db,
  codeHash,
  userId,
}: {
  db: Executor;
  codeHash: string;
  userId: string;
}): Promise<boolean> {
  const result = await db
    .update(redeemCodes)
    .set({ redeemedBy: userId, redeemedAt: new Date() })
    .where(and(eq(redeemCodes.codeHash, codeHash), isNull(redeemCodes.redeemedAt)));
  return rowCount(result) === 1;
}
