import "server-only";
import { lockKeys } from "@/lib/db/dialect";
import type { Executor } from "@/lib/db/client";
import { env } from "@/lib/env";
import { ADDRESS_LIMITS } from "@/lib/tiers";
import {
  deleteLatestWindowEvent,
  listWindowEventTimes,
  recordWindowEvents,
} from "@/lib/db/queries/window-events";

export type Window = { max: number; windowMs: number };
export type LimitDecision = { limited: false } | { limited: true; retryAfterSeconds: number };

/**
 * Counts one event for `key` unless `max` already happened in the last `windowMs`; then refuses and
 * says when the oldest counted event leaves the window. Events are rows in the database (the same
 * keyed log sign-in failures use), so every server process sharing it sees the same counts. Run it
 * inside the caller's write transaction so the check and the count are one step.
 */
/** Refused while `max` events sit in the window; free again when the oldest counted one leaves it. */
export function windowDecision(times: Date[], window: Window, now: Date): LimitDecision {
  if (times.length < window.max) return { limited: false };
  const freeing = times[times.length - window.max]!;
  const ms = freeing.getTime() + window.windowMs - now.getTime();
  return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)) };
}

export async function consumeWindow({
  db,
  key,
  window,
  now = new Date(),
}: {
  db: Executor;
  key: string;
  window: Window;
  now?: Date;
}): Promise<LimitDecision> {
  await lockKeys(db, [key]);
  const times = await listWindowEventTimes({ db, key, since: new Date(now.getTime() - window.windowMs) });
  const decision = windowDecision(times, window, now);
  if (decision.limited) return decision;
  await recordWindowEvents({ db, keys: [key], at: now });
  return { limited: false };
}

/** Gives back the newest counted event (a reply that never came). */
export async function releaseWindow({ db, key }: { db: Executor; key: string }) {
  await deleteLatestWindowEvent({ db, key });
}

/** A per-address window from lib/tiers.ts, with the operator's override of its count if set. */
export function addressWindow(name: keyof typeof ADDRESS_LIMITS): Window {
  return {
    max: env().addressLimits[name] ?? ADDRESS_LIMITS[name].max,
    windowMs: ADDRESS_LIMITS[name].windowMs,
  };
}

export const newGuestKey = (group: string) => `new-guest:${group}`;
export const guestMessageKey = (group: string) => `guest-message:${group}`;
export const signUpKey = (group: string) => `sign-up:${group}`;

/** "in 12 minutes" / "in 1 hour" for a Retry-After in seconds. */
export function waitPhrase(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `in ${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.ceil(minutes / 60);
  return `in ${hours} hour${hours === 1 ? "" : "s"}`;
}
