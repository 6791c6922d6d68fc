import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { onPostgres, openTestDatabase, type TestDatabase } from "@/testing/database";
import { SQLITE_ONLY } from "@/testing/engine-only";
import { openDatabase, type Db } from "../client";
import { scalar } from "../dialect";
import { checkDatabase } from "./health";

let database: TestDatabase;
let db: Db;

beforeEach(async () => {
  database = await openTestDatabase();
  db = database.db;
});
afterEach(async () => {
  await database.close();
});

const migrationsTable = onPostgres ? sql`drizzle.__drizzle_migrations` : sql`__drizzle_migrations`;
// SQLite's migrations table declares `id SERIAL`, which SQLite leaves null: its rowid orders the rows.
const migrationOrder = onPostgres ? sql`id` : sql`rowid`;

describe("checkDatabase", () => {
  it("reports a migrated, writable database", async () => {
    const health = await checkDatabase({ db });
    expect(health.writable).toBe(true);
    expect(health.migrations.applied).toBe(health.migrations.expected);
    expect(health.migrations.expected).toBeGreaterThan(0);
  });

  it("counts missing migrations", async () => {
    const removed = await scalar(
      db,
      sql`DELETE FROM ${migrationsTable} WHERE ${migrationOrder} = (SELECT max(${migrationOrder}) FROM ${migrationsTable}) RETURNING hash`,
    );
    expect(removed).toBeDefined();
    const { migrations } = await checkDatabase({ db });
    expect(migrations.applied).toBe(migrations.expected - 1);
  });
});

// total_changes() and the file's write lock are SQLite's own; PostgreSQL has no counterpart to test.
describe.skipIf(onPostgres)(`checkDatabase on a SQLite file ${SQLITE_ONLY}`, () => {
  it("writes nothing", async () => {
    const own = openDatabase(database.file!);
    try {
      const changes = () => (own.sqlite.prepare("SELECT total_changes() AS n").get() as { n: number }).n;
      const before = changes();
      expect((await checkDatabase({ db: own.db })).writable).toBe(true);
      expect(changes()).toBe(before);
    } finally {
      own.sqlite.close();
    }
  });

  it("reports not writable while another connection holds the write lock", async () => {
    const own = openDatabase(database.file!);
    const other = openDatabase(database.file!).sqlite;
    other.pragma("busy_timeout = 0");
    own.sqlite.pragma("busy_timeout = 0");
    other.exec("BEGIN IMMEDIATE");
    try {
      expect((await checkDatabase({ db: own.db })).writable).toBe(false);
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    expect((await checkDatabase({ db: own.db })).writable).toBe(true);
    own.sqlite.close();
  });
});
