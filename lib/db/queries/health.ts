import "server-only";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { isPostgres, scalar } from "../dialect";
import { MIGRATIONS_DIR, PG_MIGRATIONS_DIR } from "../migrations-dir";

export type DatabaseHealth = { writable: boolean; migrations: { applied: number; expected: number } };

/**
 * Can this connection write (SQLite: take the write lock with an empty write transaction;
 * PostgreSQL: a read-write session on a primary), and has every migration shipped been applied?
 */
export async function checkDatabase({ db }: { db: Db }): Promise<DatabaseHealth> {
  let writable = false;
  try {
    if (isPostgres)
      writable = (await scalar(db, sql`SELECT current_setting('transaction_read_only')`)) === "off";
    else {
      await db.transaction(async () => {});
      writable = true;
    }
  } catch {
    writable = false;
  }
  const applied = Number(
    (await scalar(
      db,
      isPostgres
        ? sql`SELECT count(*) FROM drizzle.__drizzle_migrations`
        : sql`SELECT count(*) FROM __drizzle_migrations`,
    )) ?? 0,
  );
  const dir = isPostgres ? PG_MIGRATIONS_DIR : MIGRATIONS_DIR;
  const journal = JSON.parse(fs.readFileSync(path.join(dir, "meta", "_journal.json"), "utf8")) as {
    entries: unknown[];
  };
  return { writable, migrations: { applied, expected: journal.entries.length } };
}

/** The cheapest question the database can answer: does it answer at all? */
export async function pingDatabase({ db }: { db: Db }): Promise<void> {
  await scalar(db, sql`SELECT 1`);
}
