import type { Tier } from "@/lib/personas/schema";

export const TIER_ORDER: Record<Tier, number> = { free: 0, pro: 1, max: 2 };

export const TIER_LABELS: Record<Tier, string> = { free: "Free", pro: "Pro", max: "Max" };

/** A visitor (null) has the free tier's access; a tier unlocks every persona at or below it. */
export function unlocks(viewerTier: Tier | null, personaTier: Tier): boolean {
  return TIER_ORDER[viewerTier ?? "free"] >= TIER_ORDER[personaTier];
}
