import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { PG_MIGRATIONS_DIR } from "./migrations-dir";
import * as schema from "./schema-pg";
import type { Db } from "./types";

/** Serialization failure and deadlock: the transaction did nothing and may simply run again. */
const RETRYABLE = new Set(["40001", "40P01"]);
const ATTEMPTS = 8;
/** Any number, the same in every process: migrations take this lock so two starts don't race. */
const MIGRATION_LOCK = 4_172_903_311;

export type PostgresHandle = { pool: pg.Pool; db: Db };

/**
 * PostgreSQL's text cannot hold U+0000, which SQLite's can: a title, a message or a model's reply
 * with one would fail its statement. Every string sent becomes storable, U+0000 turned into U+FFFD
 * (the replacement character), so such text is kept, visibly, instead of refused with a 500.
 */
export function storableText(value: unknown): unknown {
  if (typeof value === "string")
    return value.includes("\u0000") ? value.replaceAll("\u0000", "\ufffd") : value;
  if (Array.isArray(value)) return value.map(storableText);
  return value;
}

const isPlainQuery = (config: unknown): config is { values: unknown[] } =>
  typeof config === "object" &&
  config !== null &&
  Array.isArray((config as { values?: unknown }).values) &&
  typeof (config as { submit?: unknown }).submit !== "function";

class TextSafeClient extends pg.Client {}
const clientQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
TextSafeClient.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const [config, values] = args;
  if (Array.isArray(values)) args[1] = values.map(storableText);
  else if (isPlainQuery(config)) args[0] = { ...config, values: config.values.map(storableText) };
  return clientQuery.apply(this, args);
} as typeof pg.Client.prototype.query;

/** What a server in the URL is called in messages: no password. */
export function describePostgres(url: string): string {
  try {
    const u = new URL(url);
    return `postgres://${u.username ? `${decodeURIComponent(u.username)}@` : ""}${u.host}${u.pathname}`;
  } catch {
    return "the DATABASE_URL server";
  }
}

/**
 * A pool on the server of `url`, brought up to date (migrations run under an advisory lock, so
 * instances starting together apply each once). Throws a message naming the server when it cannot
 * be reached.
 */
export async function openPostgres(
  url: string,
  { max = 10 }: { max?: number } = {},
): Promise<PostgresHandle> {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: 10_000,
    Client: TextSafeClient,
  });
  // An idle connection the server dropped: the pool replaces it; without a listener it would crash.
  pool.on("error", () => {});
  // The same for a connection checked out when the server goes away (in a transaction, say): the
  // query in flight fails and says so; the event must not crash the process as an uncaught error.
  pool.on("connect", (client) => client.on("error", () => {}));
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    await pool.end().catch(() => {});
    throw new Error(`cannot connect to ${describePostgres(url)}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migrate(drizzle(client), { migrationsFolder: PG_MIGRATIONS_DIR });
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }

  const db = drizzle(pool, { schema }) as unknown as Db;
  const transaction = db.transaction.bind(db) as unknown as (
    body: (tx: unknown) => Promise<unknown>,
  ) => Promise<unknown>;
  // READ COMMITTED (PostgreSQL's default): where a transaction reads, decides and writes (a quota,
  // a rate-limit window), it first takes lockKeys() on what it decides about (lib/db/dialect.ts), so
  // racing transactions on any instance wait for each other instead of both passing; single-row
  // decisions are conditional updates or unique keys. A transaction PostgreSQL still refuses
  // (a deadlock, a serialization failure) did nothing and runs again.
  db.transaction = (async (body: (tx: unknown) => Promise<unknown>) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await transaction(body);
      } catch (error) {
        const code =
          (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
        if (!code || !RETRYABLE.has(code) || attempt >= ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 2 ** attempt)));
      }
    }
  }) as unknown as Db["transaction"];
  return { pool, db };
}
