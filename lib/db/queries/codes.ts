import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "../client";
import { redeemCodes, type RedeemCode } from "../schema";
import type { Tier } from "@/lib/personas/schema";

export function insertRedeemCodes({
  db,
  codes,
}: {
  db: Executor;
  codes: { codeHash: string; hint: string; tier: Tier; expiresAt: Date | null }[];
}) {
  if (codes.length) db.insert(redeemCodes).values(codes).run();
}

export function getRedeemCode({ db, codeHash }: { db: Executor; codeHash: string }): RedeemCode | undefined {
  return db.select().from(redeemCodes).where(eq(redeemCodes.codeHash, codeHash)).get();
}

/** Marks the code used by this user if nobody has: true for exactly one of any racing callers. */
export function claimRedeemCode({
  db,
  codeHash,
  userId,
}: {
  db: Executor;
  codeHash: string;
  userId: string;
}): boolean {
  const result = db
    .update(redeemCodes)
    .set({ redeemedBy: userId, redeemedAt: new Date() })
    .where(and(eq(redeemCodes.codeHash, codeHash), isNull(redeemCodes.redeemedAt)))
    .run();
  return result.changes === 1;
}
