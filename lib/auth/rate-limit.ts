import "server-only";
import type { Executor } from "@/lib/db/client";
import {
  clearSignInFailures,
  deleteLatestEvent,
  listSignInFailureTimes,
  pruneSignInFailures,
  recordSignInFailure,
} from "@/lib/db/queries/sign-in-failures";
import type { Db } from "@/lib/db/client";
import { windowDecision, type LimitDecision } from "@/lib/limits/window";

/** Ten failures per account or per address in 15 minutes; the 11th attempt is refused. */
export const SIGN_IN_LIMIT = { maxFailures: 10, windowMs: 15 * 60_000 } as const;

export const accountKey = (email: string) => `email:${email}`;
export const addressKey = (ip: string) => `ip:${ip}`;

export type { LimitDecision };

export function checkSignInLimit({
  db,
  keys,
  now = new Date(),
}: {
  db: Executor;
  keys: string[];
  now?: Date;
}): LimitDecision {
  const window = { max: SIGN_IN_LIMIT.maxFailures, windowMs: SIGN_IN_LIMIT.windowMs };
  let retryAfterSeconds = 0;
  for (const key of keys) {
    const times = listSignInFailureTimes({ db, key, since: new Date(now.getTime() - window.windowMs) });
    const decision = windowDecision(times, window, now);
    if (decision.limited) retryAfterSeconds = Math.max(retryAfterSeconds, decision.retryAfterSeconds);
  }
  return retryAfterSeconds > 0 ? { limited: true, retryAfterSeconds } : { limited: false };
}

export function noteSignInFailure({
  db,
  keys,
  now = new Date(),
}: {
  db: Executor;
  keys: string[];
  now?: Date;
}) {
  recordSignInFailure({ db, keys, at: now });
  if (Math.random() < 0.01)
    pruneSignInFailures({ db, before: new Date(now.getTime() - SIGN_IN_LIMIT.windowMs) });
}

/** A correct password clears the account's count; the address's stays, so one owned account can't reset it. */
export function noteSignInSuccess({ db, email }: { db: Executor; email: string }) {
  clearSignInFailures({ db, keys: [accountKey(email)] });
}

/**
 * Counts an attempt as a failure before its password is checked (check and count in one write
 * transaction), so parallel guesses cannot all slip under the limit while the hashes are being
 * verified: 40 at once on one account check at most ten passwords. A correct password then takes
 * its attempt back with `releaseSignInAttempt`.
 */
export function reserveSignInAttempt({
  db,
  keys,
  now = new Date(),
}: {
  db: Db;
  keys: string[];
  now?: Date;
}): LimitDecision {
  return db.transaction(
    (tx) => {
      const decision = checkSignInLimit({ db: tx, keys, now });
      if (!decision.limited) recordSignInFailure({ db: tx, keys, at: now });
      if (Math.random() < 0.01)
        pruneSignInFailures({ db: tx, before: new Date(now.getTime() - SIGN_IN_LIMIT.windowMs) });
      return decision;
    },
    { behavior: "immediate" },
  );
}

/** The attempt was the owner's, with the right password: it was not a failure after all. */
export function releaseSignInAttempt({ db, keys }: { db: Db; keys: string[] }) {
  db.transaction((tx) => {
    for (const key of keys) deleteLatestEvent({ db: tx, key });
  });
}
