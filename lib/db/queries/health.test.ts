import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../client";
import { checkDatabase } from "./health";

let dir: string;
let db: Db;
let sqlite: ReturnType<typeof openDatabase>["sqlite"];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "health-"));
  ({ db, sqlite } = openDatabase(path.join(dir, "h.db")));
});
afterEach(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("checkDatabase", () => {
  it("reports a migrated, writable database and writes nothing", async () => {
    const before = sqlite.prepare("SELECT total_changes() AS n").get() as { n: number };
    const health = await checkDatabase({ db });
    expect(health.writable).toBe(true);
    expect(health.migrations.applied).toBe(health.migrations.expected);
    expect(health.migrations.expected).toBeGreaterThan(0);
    expect((sqlite.prepare("SELECT total_changes() AS n").get() as { n: number }).n).toBe(before.n);
  });

  it("reports not writable while another connection holds the write lock", async () => {
    const other = openDatabase(path.join(dir, "h.db")).sqlite;
    other.pragma("busy_timeout = 0");
    sqlite.pragma("busy_timeout = 0");
    other.exec("BEGIN IMMEDIATE");
    try {
      expect((await checkDatabase({ db })).writable).toBe(false);
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    expect((await checkDatabase({ db })).writable).toBe(true);
  });

  it("counts missing migrations", async () => {
    sqlite.exec(
      "DELETE FROM __drizzle_migrations WHERE rowid = (SELECT max(rowid) FROM __drizzle_migrations)",
    );
    const { migrations } = await checkDatabase({ db });
    expect(migrations.applied).toBe(migrations.expected - 1);
  });
});
