import path from "node:path";

/** drizzle-kit's output for each engine: SQLite in drizzle/, PostgreSQL in drizzle/pg/. */
export const MIGRATIONS_DIR = path.resolve(/* turbopackIgnore: true */ process.cwd(), "drizzle");
export const PG_MIGRATIONS_DIR = path.join(MIGRATIONS_DIR, "pg");
