import "server-only";
import type { Executor } from "@/lib/db/client";
import { clearSignInFailures, listSignInFailureTimes, pruneSignInFailures, recordSignInFailure } from "@/lib/db/queries/sign-in-failures";

/** Ten failures per account or per address in 15 minutes; the 11th attempt is refused. */
export const SIGN_IN_LIMIT = { maxFailures: 10, windowMs: 15 * 60_000 } as const;

export const accountKey = (email: string) => `email:${email}`;
export const addressKey = (ip: string) => `ip:${ip}`;

export type LimitDecision = { limited: false } | { limited: true; retryAfterSeconds: number };

export function checkSignInLimit({ db, keys, now = new Date() }: { db: Executor; keys: string[]; now?: Date }): LimitDecision {
  let retryAfterMs = 0;
  for (const key of keys) {
    const times = listSignInFailureTimes({ db, key, since: new Date(now.getTime() - SIGN_IN_LIMIT.windowMs) });
    if (times.length < SIGN_IN_LIMIT.maxFailures) continue;
    // Free again once enough of the oldest failures have left the window.
    const freeing = times[times.length - SIGN_IN_LIMIT.maxFailures]!;
    retryAfterMs = Math.max(retryAfterMs, freeing.getTime() + SIGN_IN_LIMIT.windowMs - now.getTime());
  }
  return retryAfterMs > 0 ? { limited: true, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) } : { limited: false };
}

export function noteSignInFailure({ db, keys, now = new Date() }: { db: Executor; keys: string[]; now?: Date }) {
  recordSignInFailure({ db, keys, at: now });
  if (Math.random() < 0.01) pruneSignInFailures({ db, before: new Date(now.getTime() - SIGN_IN_LIMIT.windowMs) });
}

/** A correct password clears the account's count; the address's stays, so one owned account can't reset it. */
export function noteSignInSuccess({ db, email }: { db: Executor; email: string }) {
  clearSignInFailures({ db, keys: [accountKey(email)] });
}
