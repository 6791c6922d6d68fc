import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { getTableColumns, getTableName, is, type Column } from "drizzle-orm";
import { PgTable, getTableConfig as pgTableConfig } from "drizzle-orm/pg-core";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import { MIGRATIONS_DIR } from "./migrations-dir";
import { AUTH_SECRET_SETTING, authSecretFile } from "./secret-store";
import { describePostgres, openPostgres } from "./postgres-driver";
import * as pgSchema from "./schema-pg";
import * as sqliteSchema from "./schema-sqlite";

/** A copy that cannot be made: one line for the operator. `usage` errors exit 2 (refused, nothing done). */
export class CopyError extends Error {
  constructor(
    message: string,
    readonly refused = false,
  ) {
    super(message);
  }
}

/** Columns PostgreSQL has that SQLite keeps implicitly: filled from the source row's rowid. */
const FROM_ROWID: Record<string, string> = { messages: "seq" };
/** SQLite's own bookkeeping, not app data. */
const SQLITE_INTERNAL = new Set(["__drizzle_migrations", "sqlite_sequence", "sqlite_stat1"]);
/** Parameters per INSERT, well under PostgreSQL's 65535. */
const PARAMS_PER_BATCH = 20_000;

type Pair = { name: string; sqlite: SQLiteTable; pg: PgTable };

/** Every table of the schema, in an order where a table comes after those it references. */
export function copyPlan(): Pair[] {
  const sqliteTables = (Object.values(sqliteSchema) as unknown[]).filter((t): t is SQLiteTable =>
    is(t, SQLiteTable),
  );
  const pgTables = new Map(
    (Object.values(pgSchema) as unknown[])
      .filter((t): t is PgTable => is(t, PgTable))
      .map((t) => [getTableName(t), t]),
  );
  const pairs = new Map<string, Pair>();
  for (const table of sqliteTables) {
    const name = getTableName(table);
    const pg = pgTables.get(name);
    if (!pg) throw new CopyError(`table ${name} is in schema-sqlite.ts but not in schema-pg.ts`);
    checkColumns(name, table, pg);
    pairs.set(name, { name, sqlite: table, pg });
  }
  for (const name of pgTables.keys())
    if (!pairs.has(name)) throw new CopyError(`table ${name} is in schema-pg.ts but not in schema-sqlite.ts`);

  const ordered: Pair[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (pair: Pair) => {
    if (state.get(pair.name) === "done") return;
    if (state.get(pair.name) === "visiting")
      throw new CopyError(`table ${pair.name} is part of a reference cycle`);
    state.set(pair.name, "visiting");
    for (const fk of pgTableConfig(pair.pg).foreignKeys) {
      const target = getTableName(fk.reference().foreignTable);
      if (target !== pair.name) visit(pairs.get(target)!);
    }
    state.set(pair.name, "done");
    ordered.push(pair);
  };
  for (const pair of pairs.values()) visit(pair);
  return ordered;
}

function checkColumns(name: string, sqlite: SQLiteTable, pg: PgTable) {
  const from = new Set(Object.values(getTableColumns(sqlite)).map((c) => c.name));
  const to = new Set(Object.values(getTableColumns(pg)).map((c) => c.name));
  for (const column of from)
    if (!to.has(column)) throw new CopyError(`column ${name}.${column} has no PostgreSQL counterpart`);
  for (const column of to)
    if (!from.has(column) && FROM_ROWID[name] !== column)
      throw new CopyError(`column ${name}.${column} exists only in PostgreSQL and the copy does not fill it`);
}

/**
 * Opens the source read-only and starts a read transaction: in WAL mode it sees one consistent
 * snapshot while a running server keeps writing. The file must be migrated to the current schema.
 */
export function openCopySource(file: string): Database.Database {
  if (!fs.existsSync(file)) throw new CopyError(`no SQLite database at ${file}`, true);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    sqlite.pragma("busy_timeout = 5000");
    sqlite.exec("BEGIN");
    sqlite.prepare("SELECT count(*) FROM sqlite_master").get();
  } catch (error) {
    throw new CopyError(`cannot read ${file} as SQLite: ${(error as Error).message}`, true);
  }
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, "meta", "_journal.json"), "utf8")) as {
    entries: unknown[];
  };
  const tables = new Set(
    (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
      (r) => r.name,
    ),
  );
  const applied = tables.has("__drizzle_migrations")
    ? (sqlite.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get() as { n: number }).n
    : 0;
  if (applied !== journal.entries.length) {
    sqlite.close();
    throw new CopyError(
      `${file} has ${applied} of ${journal.entries.length} migrations applied: bring it up to date first ` +
        `(DATABASE_PATH=${file} npm run db:migrate), then copy`,
      true,
    );
  }
  const known = new Set(copyPlan().map((p) => p.name));
  for (const table of tables)
    if (!SQLITE_INTERNAL.has(table) && !known.has(table)) {
      sqlite.close();
      throw new CopyError(`${file} has a table ${table} that the copy does not know: nothing copied`, true);
    }
  return sqlite;
}

export type CopyResult = { tables: { name: string; rows: number }[]; authSecret: "copied" | "none" };

/**
 * Copies every table of a SQLite database into PostgreSQL at `url` (migrated first), in one
 * transaction: all of it or nothing. Refuses a target that has data unless `replace` (which empties
 * every app table first). The auth-secret file beside the SQLite file goes into app_settings, so
 * sessions signed before the move stay valid.
 */
export async function copyDatabase({
  from,
  to,
  replace = false,
}: {
  from: string;
  to: string;
  replace?: boolean;
}): Promise<CopyResult> {
  const plan = copyPlan();
  const secret = readAuthSecretFile(from);
  const source = openCopySource(from);
  let handle: Awaited<ReturnType<typeof openPostgres>>;
  try {
    handle = await openPostgres(to, { max: 1 });
  } catch (error) {
    source.close();
    throw new CopyError((error as Error).message);
  }
  const client = await handle.pool.connect();
  try {
    await client.query("BEGIN");
    const names = plan.map((p) => `"${p.name}"`).join(", ");
    // Nobody writes into the target while it is checked and filled.
    await client.query(`LOCK TABLE ${names} IN EXCLUSIVE MODE`);
    const filled: string[] = [];
    for (const { name } of plan) {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM "${name}"`);
      if ((rows[0] as { n: number }).n > 0) filled.push(`${name} (${(rows[0] as { n: number }).n})`);
    }
    if (filled.length && !replace)
      throw new CopyError(
        `${describePostgres(to)} already has data: ${filled.join(", ")}. Nothing copied; ` +
          "use --replace to delete everything in it and copy anyway",
        true,
      );
    if (filled.length) await client.query(`TRUNCATE ${names} RESTART IDENTITY`);

    const tables: CopyResult["tables"] = [];
    for (const pair of plan) tables.push({ name: pair.name, rows: await copyTable(source, client, pair) });
    if (secret) {
      await client.query(
        `INSERT INTO app_settings (key, value) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        [AUTH_SECRET_SETTING, secret],
      );
    }
    for (const pair of plan) await resetSequences(client, pair);
    await client.query("COMMIT");
    return { tables, authSecret: secret ? "copied" : "none" };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
    await handle.pool.end();
    source.close();
  }
}

type Client = {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>;
};

async function copyTable(source: Database.Database, client: Client, pair: Pair): Promise<number> {
  const sqliteColumns = Object.values(getTableColumns(pair.sqlite)) as Column[];
  const pgColumns = new Map((Object.values(getTableColumns(pair.pg)) as Column[]).map((c) => [c.name, c]));
  const rowidColumn = FROM_ROWID[pair.name];
  const names = [...sqliteColumns.map((c) => c.name), ...(rowidColumn ? [rowidColumn] : [])];
  const select = `SELECT ${sqliteColumns.map((c) => `"${c.name}"`).join(", ")}, rowid FROM "${pair.name}" ORDER BY rowid`;
  const batch = Math.max(1, Math.floor(PARAMS_PER_BATCH / names.length));
  let rows: unknown[][] = [];
  let count = 0;
  const flush = async () => {
    if (!rows.length) return;
    const values: unknown[] = [];
    const tuples = rows.map((row) => {
      const start = values.length;
      values.push(...row);
      return `(${row.map((_, i) => `$${start + i + 1}`).join(", ")})`;
    });
    try {
      await client.query(
        `INSERT INTO "${pair.name}" (${names.map((n) => `"${n}"`).join(", ")}) VALUES ${tuples.join(", ")}`,
        values,
      );
    } catch (error) {
      throw new CopyError(`copying table ${pair.name} failed: ${(error as Error).message}`);
    }
    count += rows.length;
    rows = [];
  };
  for (const raw of source.prepare(select).raw(true).iterate() as IterableIterator<unknown[]>) {
    const row = sqliteColumns.map((column, i) => {
      const value = raw[i];
      if (value === null || value === undefined) return null;
      // SQLite's stored form to the JavaScript value (Date, boolean), then PostgreSQL's stored form.
      const js = column.mapFromDriverValue(value);
      return pgColumns.get(column.name)!.mapToDriverValue(js);
    });
    if (rowidColumn) row.push(raw[sqliteColumns.length]);
    rows.push(row);
    if (rows.length >= batch) await flush();
  }
  await flush();
  return count;
}

/** Serial columns continue after the highest copied value, so new rows don't collide (or sort first). */
async function resetSequences(client: Client, pair: Pair) {
  for (const column of Object.values(getTableColumns(pair.pg)) as Column[]) {
    if (!/Serial/.test(column.columnType)) continue;
    await client.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max("${column.name}") FROM "${pair.name}"), 0) + 1, false)`,
      [pair.name, column.name],
    );
  }
}

function readAuthSecretFile(databaseFile: string): string | undefined {
  const file = authSecretFile(path.resolve(databaseFile));
  let value: string;
  try {
    value = fs.readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new CopyError(`cannot read ${file}: ${(error as Error).message}`, true);
  }
  if (value.length < 32)
    throw new CopyError(
      `${file} holds a secret shorter than 32 characters; the server would refuse it`,
      true,
    );
  return value;
}
