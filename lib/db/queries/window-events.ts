import "server-only";
import { and, asc, desc, eq, gt, gte, inArray, lt } from "drizzle-orm";
import { first } from "../dialect";
import type { Executor } from "../client";
import { windowEvents } from "../schema";

/** Queries on the app's event windows (lib/limits/window.ts, lib/auth/rate-limit.ts): one row per event. */
export async function recordWindowEvents({ db, keys, at }: { db: Executor; keys: string[]; at: Date }) {
  if (keys.length) await db.insert(windowEvents).values(keys.map((key) => ({ key, at })));
}

/** When each event of a key since `since` happened, oldest first. */
export async function listWindowEventTimes({
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
      .select({ at: windowEvents.at })
      .from(windowEvents)
      .where(and(eq(windowEvents.key, key), gt(windowEvents.at, since)))
      .orderBy(asc(windowEvents.at))
  ).map((r) => r.at);
}

export async function clearWindowEvents({ db, keys }: { db: Executor; keys: string[] }) {
  if (keys.length) await db.delete(windowEvents).where(inArray(windowEvents.key, keys));
}

/** Deletes the events older than `before` whose key starts with `keyPrefix` (other kinds keep theirs). */
export async function pruneWindowEvents({
  db,
  keyPrefix,
  before,
}: {
  db: Executor;
  keyPrefix: string;
  before: Date;
}) {
  await db
    .delete(windowEvents)
    .where(
      and(
        gte(windowEvents.key, keyPrefix),
        lt(windowEvents.key, `${keyPrefix}\uffff`),
        lt(windowEvents.at, before),
      ),
    );
}

/** Takes back the newest event of a key (a counted attempt that turned out not to cost anything). */
export async function deleteLatestWindowEvent({ db, key }: { db: Executor; key: string }) {
  const latest = await db
    .select({ id: windowEvents.id })
    .from(windowEvents)
    .where(eq(windowEvents.key, key))
    .orderBy(desc(windowEvents.at))
    .limit(1)
    .then(first);
  if (latest) await db.delete(windowEvents).where(eq(windowEvents.id, latest.id));
}
