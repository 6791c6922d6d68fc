import "server-only";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { MIGRATIONS_DIR } from "../migrate";

export type DatabaseHealth = { writable: boolean; migrations: { applied: number; expected: number } };

/**
 * Can this connection take the write lock (BEGIN IMMEDIATE, then ROLLBACK: nothing is written), and
 * has every migration shipped in drizzle/ been applied?
 */
export function checkDatabase({ db }: { db: Db }): DatabaseHealth {
  let writable = false;
  try {
    db.run(sql`BEGIN IMMEDIATE`);
    db.run(sql`ROLLBACK`);
    writable = true;
  } catch {
    writable = false;
  }
  const applied = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM __drizzle_migrations`)?.n ?? 0;
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, "meta", "_journal.json"), "utf8")) as {
    entries: unknown[];
  };
  return { writable, migrations: { applied, expected: journal.entries.length } };
}
