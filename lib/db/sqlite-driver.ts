import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle as drizzleSync } from "drizzle-orm/better-sqlite3";
import { drizzle } from "drizzle-orm/sqlite-proxy";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { MIGRATIONS_DIR } from "./migrations-dir";
import * as schema from "./schema-sqlite";
import type { Db } from "./types";

/** Distinct statements kept prepared; drizzle builds the same text for the same query shape. */
const STATEMENT_CACHE = 500;

/**
 * One async lock per database file in a process. better-sqlite3 runs each statement synchronously,
 * but a transaction here spans awaits: any other query issued on the same connection in between
 * would land inside it, and one on another connection to the file would block the thread on the
 * busy timeout while the transaction waits for that thread. So while a transaction is open, queries
 * from outside it wait, and transactions run one at a time (separate processes sharing the file are
 * kept apart by SQLite's own lock and the busy timeout).
 */
class ConnectionLock {
  private owner: symbol | null = null;
  private waiting: (() => void)[] = [];
  readonly scope = new AsyncLocalStorage<symbol>();

  /** Resolves when a query from the current async context may run. */
  ready(): Promise<void> | undefined {
    if (this.owner === null || this.owner === this.scope.getStore()) return undefined;
    return new Promise<void>((resolve) => this.waiting.push(resolve)).then(() => this.ready());
  }

  async acquire(token: symbol) {
    while (this.owner !== null) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.owner = token;
  }

  release() {
    this.owner = null;
    const woken = this.waiting;
    this.waiting = [];
    for (const wake of woken) wake();
  }
}

/** One lock per database file in this process, shared by every connection to it. */
const locks = new Map<string, ConnectionLock>();

export type SqliteHandle = { sqlite: Database.Database; db: Db };

/** Opens a SQLite file with the settings every connection here uses, and brings it up to date. */
export function openSqlite(file: string): SqliteHandle {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  migrate(drizzleSync(sqlite), { migrationsFolder: MIGRATIONS_DIR });

  const statements = new Map<string, Database.Statement>();
  const prepare = (text: string) => {
    let statement = statements.get(text);
    if (statement) {
      // Least recently used goes first when the cache is full: move this one to the end.
      statements.delete(text);
    } else {
      statement = sqlite.prepare(text);
      if (statements.size >= STATEMENT_CACHE) statements.delete(statements.keys().next().value!);
    }
    statements.set(text, statement);
    return statement;
  };
  const key = fs.realpathSync(file);
  const lock = locks.get(key) ?? new ConnectionLock();
  locks.set(key, lock);

  const execute = (text: string, params: unknown[], method: "run" | "all" | "values" | "get") => {
    const statement = prepare(text);
    if (method === "run") {
      if (statement.reader) return { rows: statement.raw(true).all(...params) };
      return { rows: [], rowCount: statement.run(...params).changes };
    }
    if (!statement.reader)
      return { rows: method === "get" ? undefined : [], rowCount: statement.run(...params).changes };
    const raw = statement.raw(true);
    return { rows: method === "get" ? raw.get(...params) : raw.all(...params) };
  };

  const db = drizzle(
    (text, params, method) => {
      const wait = lock.ready();
      if (!wait) return Promise.resolve(execute(text, params, method) as { rows: unknown[] });
      return wait.then(() => execute(text, params, method) as { rows: unknown[] });
    },
    { schema },
  ) as Db;

  const transaction = db.transaction.bind(db);
  const open = new Map<symbol, Parameters<Parameters<Db["transaction"]>[0]>[0]>();
  db.transaction = (async (body: Parameters<Db["transaction"]>[0]) => {
    const current = lock.scope.getStore();
    const outer = current && open.get(current);
    // Called on the database while already inside a transaction: a savepoint in that one.
    if (outer) return outer.transaction(body);
    const token = Symbol("transaction");
    await lock.acquire(token);
    try {
      return await lock.scope.run(token, () =>
        transaction(
          async (tx) => {
            open.set(token, tx);
            return body(tx);
          },
          { behavior: "immediate" },
        ),
      );
    } finally {
      open.delete(token);
      lock.release();
    }
  }) as Db["transaction"];

  return { sqlite, db };
}

/** Folds the WAL back into the database file and closes it, so no -wal/-shm files are left behind. */
export function closeSqlite(handle: SqliteHandle) {
  try {
    handle.sqlite.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    handle.sqlite.close();
  }
}
