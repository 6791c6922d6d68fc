import { sql, type SQL } from "drizzle-orm";
import { databaseEngine } from "@/lib/env";
import type { Executor } from "./types";

/**
 * The few places the two engines differ below the query builder, kept here so query modules stay
 * the same for both.
 */
const postgres = databaseEngine() === "postgres";

/** Rows an insert, update or delete changed (SQLite's changes, PostgreSQL's rowCount). */
export function rowCount(result: unknown): number {
  return (result as { rowCount?: number | null }).rowCount ?? 0;
}

/** The order messages were written in: SQLite's rowid, PostgreSQL's messages.seq. */
export const messageOrder: SQL = postgres ? sql`"messages"."seq"` : sql`"messages"."rowid"`;

/** The first row of a query's result (what SQLite's .get() gave), on either engine. */
export const first = <T>(rows: T[]): T | undefined => rows[0];

/** The row an insert … returning() wrote, on either engine. */
export const inserted = <T>(rows: T[]): T => {
  const row = rows[0];
  if (!row) throw new Error("The insert returned no row.");
  return row;
};

/** The first column of the first row of a raw query (or undefined), on either engine. */
export async function scalar(db: Executor, query: SQL): Promise<unknown> {
  if (postgres) {
    const result = await (
      db as unknown as { execute(q: SQL): Promise<{ rows: Record<string, unknown>[] }> }
    ).execute(query);
    const row = result.rows[0];
    return row ? Object.values(row)[0] : undefined;
  }
  return (await db.values<unknown[]>(query))[0]?.[0];
}

/**
 * The rows of a raw query, each as its column values in the order selected, on either engine (give
 * every column a distinct name: PostgreSQL's rows are keyed by name).
 */
export async function rawRows(db: Executor, query: SQL): Promise<unknown[][]> {
  if (postgres) {
    const result = await (
      db as unknown as { execute(q: SQL): Promise<{ rows: Record<string, unknown>[] }> }
    ).execute(query);
    return result.rows.map((row) => Object.values(row));
  }
  return db.values<unknown[]>(query);
}

export const isPostgres = postgres;

/**
 * Inside a transaction: waits until no other transaction holds any of these keys, and holds them
 * until this one ends. Where a transaction reads, decides and then writes (a quota, a rate-limit
 * window, a count of keys), this makes the decision one step on PostgreSQL (READ COMMITTED, a
 * transaction-scoped advisory lock per key). SQLite needs nothing: its write transactions run one
 * at a time (BEGIN IMMEDIATE, and one at a time per file in a process).
 */
export async function lockKeys(tx: Executor, keys: string[]) {
  if (!postgres) return;
  for (const key of [...new Set(keys)].sort())
    await scalar(tx, sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}
