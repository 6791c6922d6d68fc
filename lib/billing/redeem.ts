import "server-only";
import type { Db } from "@/lib/db/client";
import { claimRedeemCode, getRedeemCode, insertRedeemCodes } from "@/lib/db/queries/codes";
import { setUserTier } from "@/lib/db/queries/tiers";
import { getUserById } from "@/lib/db/queries/users";
import { type Tier, TIER_LABELS, tierAtLeast } from "@/lib/tiers";
import { codeHint, generateCode, hashCode } from "./codes";

export type RedeemResult =
  | { ok: true; tier: Tier; message: string }
  | { ok: false; reason: "unknown" | "used" | "expired" | "not_higher" | "no_user"; message: string };

/**
 * Redeems a code for a user in one write transaction: single use (of two racing redemptions exactly
 * one wins), expiry checked, and a code never lowers a tier nor is spent on a tier already held.
 */
export async function redeemCode({
  db,
  userId,
  code,
  now = new Date(),
}: {
  db: Db;
  userId: string;
  code: string;
  now?: Date;
}): Promise<RedeemResult> {
  const codeHash = hashCode(code);
  return await db.transaction(
    async (tx) => {
      const row = await getRedeemCode({ db: tx, codeHash });
      if (!row)
        return {
          ok: false,
          reason: "unknown",
          message: "That code doesn't exist. Check it for typos.",
        } as const;
      if (row.redeemedAt)
        return { ok: false, reason: "used", message: "That code has already been used." } as const;
      if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) {
        return {
          ok: false,
          reason: "expired",
          message: `That code expired on ${row.expiresAt.toISOString().slice(0, 10)}.`,
        } as const;
      }
      const user = await getUserById({ db: tx, id: userId });
      if (!user) return { ok: false, reason: "no_user", message: "Sign in to redeem a code." } as const;
      if (tierAtLeast(user.tier, row.tier)) {
        return {
          ok: false,
          reason: "not_higher",
          message: `Your ${TIER_LABELS[user.tier]} tier already includes ${TIER_LABELS[row.tier]}. The code was not used: pass it on to someone else.`,
        } as const;
      }
      if (!(await claimRedeemCode({ db: tx, codeHash, userId }))) {
        return { ok: false, reason: "used", message: "That code has already been used." } as const;
      }
      await setUserTier({ db: tx, userId, tier: row.tier, source: "code", reference: row.hint });
      return {
        ok: true,
        tier: row.tier,
        message: `Code redeemed: you now have ${TIER_LABELS[row.tier]}.`,
      } as const;
    },
    { behavior: "immediate" },
  );
}

/** Makes `count` new codes for a tier, valid for `days` days (or forever); returns them in the clear, once. */
export async function createCodes({
  db,
  tier,
  count,
  days,
  now = new Date(),
}: {
  db: Db;
  tier: Tier;
  count: number;
  days?: number;
  now?: Date;
}) {
  const expiresAt = days ? new Date(now.getTime() + days * 86_400_000) : null;
  const codes = Array.from({ length: count }, generateCode);
  await insertRedeemCodes({
    db,
    codes: codes.map((code) => ({ codeHash: hashCode(code), hint: codeHint(code), tier, expiresAt })),
  });
  return { codes, expiresAt };
}
