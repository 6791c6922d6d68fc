import { sql } from "drizzle-orm";
import { isPostgres } from "./dialect";
import type { Executor } from "./types";

type Builder<P> = { prepare(): P };

/**
 * A query drizzle builds once per database session instead of on every call: for the statements
 * every chat message runs, building the SQL again costs more than SQLite takes to run it. `build`
 * returns the query with `sql.placeholder(name)` where each call's values go; the result gives the
 * executor's prepared copy, to run with `.execute({ name: value, … })`.
 *
 * A prepared query belongs to the session it was built on (the connection it runs on): on SQLite a
 * transaction shares its database's session, so the query is built once per process; on
 * PostgreSQL each transaction has its own client, so it is built once per transaction there (and
 * parsed once per connection, as a named statement: `name` must not be used by another query).
 *
 * Placeholders are not encoded by their column where they stand in a condition (`eq(col, p)`): keep
 * dates out of WHERE placeholders, or pass them as the engine stores them. In values and `set()`
 * they are encoded, except that a null given to a timestamp column is not handled: write a
 * nullable timestamp as a literal instead.
 */
export function prepared<P>(name: string, build: (db: Executor) => Builder<P>): (db: Executor) => P {
  const bySession = new WeakMap<object, P>();
  return (db) => {
    const session = (db as unknown as { session: object }).session;
    let query = bySession.get(session);
    if (query === undefined) {
      const builder = build(db) as unknown as { prepare(name?: string): P };
      query = isPostgres ? builder.prepare(name) : builder.prepare();
      bySession.set(session, query);
    }
    return query;
  };
}

/**
 * A placeholder in an update's `set()`, whose types take only values: drizzle encodes it by its
 * column when the query runs, as it does an insert's (so not a null timestamp).
 */
export const setTo = <T>(name: string): T => sql.placeholder(name) as unknown as T;

/** A date as a placeholder in a condition wants it: as the engine stores it (ms since 1970 on SQLite). */
export const storedTime = (date: Date): Date | number => (isPostgres ? date : date.getTime());
