import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { SQL } from "drizzle-orm";
import pg from "pg";
import { scalar } from "@/lib/db/dialect";
import { openPostgres } from "@/lib/db/postgres-driver";
import { closeSqlite, openSqlite } from "@/lib/db/sqlite-driver";
import type { Db } from "@/lib/db/types";
import { databaseEngine } from "@/lib/env";

/**
 * The engine this test process runs against. The process's tables are chosen by DATABASE_URL when
 * lib/db/schema.ts is first imported, so one vitest project runs one engine: `sqlite` (no
 * DATABASE_URL) or `postgres` (vitest.config.ts sets DATABASE_URL to TEST_POSTGRES_URL, an admin URL
 * of a server the tests may create databases on).
 */
export const testEngine = databaseEngine();

/** Why a test is left out on PostgreSQL, for `it.skipIf(onPostgres)` and a reason beside it. */
export const onPostgres = testEngine === "postgres";

export type TestDatabase = {
  db: Db;
  engine: "sqlite" | "postgres";
  /**
   * Settings that point another process (or code under test that opens its own connection through
   * getDb()) at this same database: DATABASE_PATH for SQLite, DATABASE_URL for PostgreSQL.
   */
  env: { DATABASE_PATH?: string; DATABASE_URL?: string };
  /** The SQLite file (undefined on PostgreSQL), for the tests that are about the file itself. */
  file?: string;
  /** Another connection to the same database (another pool on PostgreSQL), as a second process would have. */
  connect(): Promise<{ db: Db; close(): Promise<void> }>;
  close(): Promise<void>;
};

/**
 * A database of the test's own, migrated, thrown away by close(): a SQLite file in a temp dir, or on
 * PostgreSQL a fresh database (pm_test_<random>) created on the server of DATABASE_URL and dropped
 * afterwards.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  return onPostgres ? openPostgresTestDatabase() : openSqliteTestDatabase();
}

function openSqliteTestDatabase(): TestDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pm-test-"));
  const file = path.join(dir, "test.db");
  const handle = openSqlite(file);
  return {
    db: handle.db,
    engine: "sqlite",
    env: { DATABASE_PATH: file },
    file,
    async connect() {
      const other = openSqlite(file);
      return {
        db: other.db,
        close: async () => {
          other.sqlite.close();
        },
      };
    },
    async close() {
      closeSqlite(handle);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A count(*) (or any number) from a raw query, as a number on both engines (PostgreSQL's are bigint strings). */
export async function countOf(db: Db, query: SQL): Promise<number> {
  return Number(await scalar(db, query));
}

/** The admin URL the test databases are made from: the one the process started with. */
const adminUrl = process.env.TEST_POSTGRES_URL?.trim() || process.env.DATABASE_URL?.trim() || "";

async function admin<T>(body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}

async function openPostgresTestDatabase(): Promise<TestDatabase> {
  if (!adminUrl) throw new Error("PostgreSQL tests need TEST_POSTGRES_URL (an admin URL).");
  const name = `pm_test_${randomBytes(6).toString("hex")}`;
  // A copy of the migrated template testing/postgres-setup.ts made for this run is much faster than
  // migrating every database; without it (a test file run on its own), migrations run here.
  const template = process.env.TEST_POSTGRES_TEMPLATE?.trim();
  await admin((client) => client.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString());
  return {
    db: handle.db,
    engine: "postgres",
    env: { DATABASE_URL: url.toString() },
    async connect() {
      const other = await openPostgres(url.toString());
      return { db: other.db, close: () => other.pool.end() };
    },
    async close() {
      await handle.pool.end();
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
