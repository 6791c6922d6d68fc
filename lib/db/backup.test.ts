import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BackupError, backupDatabase } from "./backup";
import { openDatabase } from "./client";

let dir: string;
let live: string;
let closers: (() => void)[];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "backup-"));
  live = path.join(dir, "live.db");
  closers = [];
  const { sqlite } = openDatabase(live);
  sqlite.exec("CREATE TABLE ticks (n INTEGER PRIMARY KEY, pad TEXT NOT NULL)");
  closers.push(() => sqlite.close());
});

afterEach(() => {
  for (const close of closers.reverse()) close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function connect(file: string) {
  const sqlite = new Database(file);
  sqlite.pragma("busy_timeout = 5000");
  closers.push(() => sqlite.close());
  return sqlite;
}

describe("backupDatabase", () => {
  it("copies a database that another connection keeps writing to", async () => {
    const writer = connect(live);
    const insert = writer.prepare("INSERT INTO ticks (n, pad) VALUES (?, ?)");
    let n = 0;
    const pad = "x".repeat(2000);
    writer.transaction(() => {
      while (n < 2000) insert.run(++n, pad);
    })();
    const committedBefore = n;
    let writing = true;
    const loop = (async () => {
      while (writing) {
        insert.run(++n, pad);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();

    const target = path.join(dir, "copy.db");
    const result = await backupDatabase({ source: connect(live), target });
    writing = false;
    await loop;

    expect(result.integrity).toBe("ok");
    expect(n).toBeGreaterThan(committedBefore);
    const copy = connect(target);
    const { count, max } = copy.prepare("SELECT count(*) AS count, max(n) AS max FROM ticks").get() as {
      count: number;
      max: number;
    };
    expect(count).toBeGreaterThanOrEqual(committedBefore);
    expect(max).toBe(count);
    expect((copy.pragma("integrity_check") as { integrity_check: string }[])[0]?.integrity_check).toBe("ok");
  });

  it("refuses to overwrite a file unless forced", async () => {
    const target = path.join(dir, "copy.db");
    fs.writeFileSync(target, "keep me");
    const source = connect(live);
    await expect(backupDatabase({ source, target })).rejects.toThrow(BackupError);
    expect(fs.readFileSync(target, "utf8")).toBe("keep me");
    await expect(backupDatabase({ source, target, force: true })).resolves.toMatchObject({
      integrity: "ok",
    });
  });

  it("says so in one line when the directory does not exist", async () => {
    const target = path.join(dir, "missing", "copy.db");
    await expect(backupDatabase({ source: connect(live), target })).rejects.toThrow(
      /^directory does not exist: .*missing$/,
    );
  });

  it("restores: the copy put in place of the database file opens and migrates", async () => {
    connect(live).prepare("INSERT INTO ticks (n, pad) VALUES (1, 'restored')").run();
    const target = path.join(dir, "copy.db");
    await backupDatabase({ source: connect(live), target });

    const restored = path.join(dir, "restored", "persona-market.db");
    fs.mkdirSync(path.dirname(restored));
    fs.writeFileSync(`${restored}-wal`, "stale");
    fs.copyFileSync(target, restored);
    for (const f of [`${restored}-wal`, `${restored}-shm`]) fs.rmSync(f, { force: true });

    const { sqlite } = openDatabase(restored);
    closers.push(() => sqlite.close());
    expect(sqlite.prepare("SELECT pad FROM ticks WHERE n = 1").get()).toEqual({ pad: "restored" });
    expect(sqlite.prepare("SELECT count(*) AS c FROM users").get()).toEqual({ c: 0 });
  });
});
