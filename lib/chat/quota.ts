import type { ChatActor } from "@/lib/auth/actor";
import { CONCURRENT_STREAMS, DAILY_MESSAGE_QUOTA } from "@/lib/tiers";

export const usageDay = (now: Date) => now.toISOString().slice(0, 10);

/** Quotas reset at midnight UTC. */
export function nextReset(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
}

export function dailyLimit(actor: Pick<ChatActor, "kind" | "tier">): number {
  return actor.kind === "user" ? DAILY_MESSAGE_QUOTA[actor.tier] : DAILY_MESSAGE_QUOTA.guest;
}

export function streamLimit(actor: Pick<ChatActor, "kind" | "tier">): number {
  return actor.kind === "user" ? CONCURRENT_STREAMS[actor.tier] : CONCURRENT_STREAMS.guest;
}
