import "server-only";
import { and, asc, desc, eq, gt, gte, inArray, lt } from "drizzle-orm";
import type { Executor } from "../client";
import { signInFailures } from "../schema";

export function recordSignInFailure({ db, keys, at }: { db: Executor; keys: string[]; at: Date }) {
  if (keys.length)
    db.insert(signInFailures)
      .values(keys.map((key) => ({ key, at })))
      .run();
}

/** When each failure for a key since `since` happened, oldest first. */
export function listSignInFailureTimes({
  db,
  key,
  since,
}: {
  db: Executor;
  key: string;
  since: Date;
}): Date[] {
  return db
    .select({ at: signInFailures.at })
    .from(signInFailures)
    .where(and(eq(signInFailures.key, key), gt(signInFailures.at, since)))
    .orderBy(asc(signInFailures.at))
    .all()
    .map((r) => r.at);
}

export function clearSignInFailures({ db, keys }: { db: Executor; keys: string[] }) {
  if (keys.length) db.delete(signInFailures).where(inArray(signInFailures.key, keys)).run();
}

/** Deletes the events older than `before` whose key starts with `keyPrefix` (other kinds keep theirs). */
export function pruneEvents({ db, keyPrefix, before }: { db: Executor; keyPrefix: string; before: Date }) {
  db.delete(signInFailures)
    .where(
      and(
        gte(signInFailures.key, keyPrefix),
        lt(signInFailures.key, `${keyPrefix}\uffff`),
        lt(signInFailures.at, before),
      ),
    )
    .run();
}

/** Takes back the newest event of a key (a counted attempt that turned out not to cost anything). */
export function deleteLatestEvent({ db, key }: { db: Executor; key: string }) {
  const latest = db
    .select({ id: signInFailures.id })
    .from(signInFailures)
    .where(eq(signInFailures.key, key))
    .orderBy(desc(signInFailures.at))
    .limit(1)
    .get();
  if (latest) db.delete(signInFailures).where(eq(signInFailures.id, latest.id)).run();
}
