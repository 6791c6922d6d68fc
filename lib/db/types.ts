import type { SqliteRemoteDatabase } from "drizzle-orm/sqlite-proxy";
import type * as schema from "./schema-sqlite";

/**
 * The database handle the query layer is written against. Every query is awaited, so the same code
 * runs on SQLite (better-sqlite3 behind drizzle's async SQLite driver) and on PostgreSQL
 * (node-postgres): both answer the calls queries make here with the same results. SQLite-only calls
 * (.get(), .all(), .run(), .values()) are not used; lint forbids them.
 */
export type Db = SqliteRemoteDatabase<typeof schema>;
/** A transaction handle: query modules accept either, so callers can group writes. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type Executor = Db | Tx;
