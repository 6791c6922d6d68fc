import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { env } from "@/lib/env";
import { migrateDatabase } from "./migrate";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema>;
/** A transaction handle: query modules accept either, so callers can group writes. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type Executor = Db | Tx;

/** Opens a SQLite file with the settings every connection here uses, and brings it up to date. */
export function openDatabase(file: string): { sqlite: Database.Database; db: Db } {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema });
  migrateDatabase(db);
  return { sqlite, db };
}

// One connection per process; cached on globalThis so dev hot reload does not open more.
const globalForDb = globalThis as unknown as {
  personaDb?: { sqlite: Database.Database; db: Db };
  personaDbClosed?: boolean;
};

export function getDb(): Db {
  if (globalForDb.personaDbClosed) throw new Error("The database is closed: the server is shutting down.");
  globalForDb.personaDb ??= openDatabase(env().databasePath);
  return globalForDb.personaDb.db;
}

/**
 * Shutdown: folds the WAL back into the database file and closes the connection, so no -wal/-shm
 * files are left behind. Later getDb() calls throw instead of opening the file again.
 */
export function closeDb() {
  globalForDb.personaDbClosed = true;
  const open = globalForDb.personaDb;
  if (!open) return;
  globalForDb.personaDb = undefined;
  try {
    open.sqlite.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    open.sqlite.close();
  }
}
