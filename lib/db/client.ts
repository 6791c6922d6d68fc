import "server-only";
import { env } from "@/lib/env";
import { describePostgres, openPostgres, type PostgresHandle } from "./postgres-driver";
import { closeSqlite, openSqlite, type SqliteHandle } from "./sqlite-driver";
import type { Db } from "./types";

export type { Db, Executor, Tx } from "./types";
export { openSqlite as openDatabase } from "./sqlite-driver";

type Open = { engine: "sqlite"; handle: SqliteHandle } | { engine: "postgres"; handle: PostgresHandle };

// One database per process; cached on globalThis so dev hot reload does not open more.
const globalForDb = globalThis as unknown as {
  personaDb?: Open;
  personaDbOpening?: Promise<Open>;
  personaDbClosed?: boolean;
};

/** Where this process's data lives, for messages (a PostgreSQL URL without its password). */
export function describeDatabase(): string {
  const database = env().database;
  return database.engine === "postgres" ? describePostgres(database.url) : database.path;
}

/**
 * Opens this process's database (SQLite at DATABASE_PATH, or PostgreSQL at DATABASE_URL) and
 * applies pending migrations. The server calls it once at start; scripts call it before their first
 * query. Throws a message naming the database when it cannot be used.
 */
export async function startDatabase(): Promise<Db> {
  if (globalForDb.personaDbClosed) throw new Error("The database is closed: the server is shutting down.");
  if (globalForDb.personaDb) return globalForDb.personaDb.handle.db;
  const database = env().database;
  globalForDb.personaDbOpening ??= (async (): Promise<Open> =>
    database.engine === "postgres"
      ? { engine: "postgres", handle: await openPostgres(database.url, { max: database.poolSize }) }
      : { engine: "sqlite", handle: openSqlite(database.path) })();
  globalForDb.personaDb = await globalForDb.personaDbOpening;
  return globalForDb.personaDb.handle.db;
}

/**
 * The process's database. SQLite opens on first use; PostgreSQL must have been started by
 * startDatabase() (the server does it before the first request).
 */
export function getDb(): Db {
  if (globalForDb.personaDbClosed) throw new Error("The database is closed: the server is shutting down.");
  if (globalForDb.personaDb) return globalForDb.personaDb.handle.db;
  const database = env().database;
  if (database.engine === "postgres")
    throw new Error("PostgreSQL is not open yet: call startDatabase() before the first query.");
  globalForDb.personaDb = { engine: "sqlite", handle: openSqlite(database.path) };
  return globalForDb.personaDb.handle.db;
}

/** Shutdown: closes the connection (SQLite: after folding the WAL back). Later calls throw. */
export async function closeDb() {
  globalForDb.personaDbClosed = true;
  const open = globalForDb.personaDb ?? (await globalForDb.personaDbOpening?.catch(() => undefined));
  globalForDb.personaDb = undefined;
  globalForDb.personaDbOpening = undefined;
  if (!open) return;
  if (open.engine === "sqlite") closeSqlite(open.handle);
  else await open.handle.pool.end();
}

/** Tests: closes this process's database and forgets it, so the next getDb() opens it afresh. */
export async function forgetDb() {
  const open = globalForDb.personaDb;
  globalForDb.personaDb = undefined;
  globalForDb.personaDbOpening = undefined;
  globalForDb.personaDbClosed = false;
  if (open?.engine === "sqlite") open.handle.sqlite.close();
  else if (open) await open.handle.pool.end();
}
