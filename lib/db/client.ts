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
const globalForDb = globalThis as unknown as { personaDb?: { sqlite: Database.Database; db: Db } };

export function getDb(): Db {
  globalForDb.personaDb ??= openDatabase(env().databasePath);
  return globalForDb.personaDb.db;
}
