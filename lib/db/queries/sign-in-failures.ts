import "server-only";
import { and, asc, desc, eq, gt, gte, inArray, lt } from "drizzle-orm";
import { first } from "../dialect";
import type { Executor } from "../client";
import { signInFailures } from "../schema";

export async function recordSignInFailure({ db, keys, at }: { db: Executor; keys: string[]; at: Date }) {
  if (keys.length) await db.insert(signInFailures).values(keys.map((key) => ({ key, at })));
}

/** When each failure for a key since `since` happened, oldest first. */
export async function listSignInFailureTimes({
  db,
  key,
  since,
}: {
  db: Executor;
  key: string;
  since: Date;
}): Promise<Date[]> {
  return (
    await db
      .select({ at: signInFailures.at })
      .from(signInFailures)
      .where(and(eq(signInFailures.key, key), gt(signInFailures.at, since)))
      .orderBy(asc(signInFailures.at))
  ).map((r) => r.at);
}

export async function clearSignInFailures({ db, keys }: { db: Executor; keys: string[] }) {
  if (keys.length) await db.delete(signInFailures).where(inArray(signInFailures.key, keys));
}

/** Deletes the events older than `before` whose key starts with `keyPrefix` (other kinds keep theirs). */
export async function pruneEvents({
  db,
  keyPrefix,
  before,
}: {
  db: Executor;
  keyPrefix: string;
  before: Date;
}) {
  await db
    .delete(signInFailures)
    .where(
      and(
        gte(signInFailures.key, keyPrefix),
        lt(signInFailures.key, `${keyPrefix}\uffff`),
        lt(signInFailures.at, before),
      ),
    );
}

/** Takes back the newest event of a key (a counted attempt that turned out not to cost anything). */
export async function deleteLatestEvent({ db, key }: { db: Executor; key: string }) {
  const latest = await db
    .select({ id: signInFailures.id })
    .from(signInFailures)
    .where(eq(signInFailures.key, key))
    .orderBy(desc(signInFailures.at))
    .limit(1)
    .then(first);
  if (latest) await db.delete(signInFailures).where(eq(signInFailures.id, latest.id));
}
