import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";

export const MIGRATIONS_DIR = path.resolve(/* turbopackIgnore: true */ process.cwd(), "drizzle");

/** Applies the SQL migrations drizzle-kit generated into drizzle/ (each once, in order). */
export function migrateDatabase(db: BetterSQLite3Database<Record<string, unknown>>) {
  migrate(db, { migrationsFolder: MIGRATIONS_DIR });
}
