import { AppError } from "@/lib/errors";

/** Seconds a client is asked to wait when the database does not answer. */
export const OUTAGE_RETRY_SECONDS = 5;

/** A 503 for a database that is down, locked or read-only for now: it passes by itself. */
export class DatabaseUnavailable extends AppError {
  constructor() {
    super("unavailable", "The database is not answering right now. Try again in a few seconds.");
  }
  override retryAfterSeconds() {
    return OUTAGE_RETRY_SECONDS;
  }
}

type Coded = { code?: unknown; message?: unknown; cause?: unknown };

/** The driver's own error under drizzle's wrapper (DrizzleQueryError keeps it as `cause`). */
export function driverError(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5; depth++) {
    const cause = (current as Coded | null)?.cause;
    if (!cause || !(current instanceof Error) || !current.message.startsWith("Failed query:")) break;
    current = cause;
  }
  return current;
}

// PostgreSQL: class 08 (connection), 57P01–57P03 (shut down, restarting), 53300 (no connection slot).
const PG_DOWN = /^(08...|57P0[123]|53300)$/;
const NODE_DOWN = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH)$/;
// SQLite: another process holds the lock, the file cannot be written or opened, the disk is full.
const SQLITE_DOWN = /^SQLITE_(BUSY|LOCKED|READONLY|CANTOPEN|IOERR|FULL|PROTOCOL)/;
const MESSAGE_DOWN =
  /Connection terminated|connection error|timeout exceeded when trying to connect|database is closed|not open yet|Cannot use a pool after calling end/i;

/** True for errors that say the database cannot be reached or written now (not for a bad query). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseUnavailable) return true;
  if (error instanceof AppError) return false;
  const cause = driverError(error) as Coded | null;
  if (!cause || typeof cause !== "object") return false;
  const code = typeof cause.code === "string" ? cause.code : "";
  if (PG_DOWN.test(code) || NODE_DOWN.test(code) || SQLITE_DOWN.test(code)) return true;
  if (code === "" && cause instanceof AggregateError) return cause.errors.some(isDatabaseUnavailable);
  return typeof cause.message === "string" && MESSAGE_DOWN.test(cause.message);
}

const REST_MS = 3_000;
/** After the database was seen down, pages check it (see databaseDown) for this long. */
const WATCH_MS = 60_000;
const PROBE_EVERY_MS = 1_000;
const PROBE_TIMEOUT_MS = 2_000;
// On globalThis: the proxy and the routes are bundled apart but run in one process.
const globalForOutage = globalThis as unknown as {
  personaDbDownUntil?: number;
  personaDbSeenDown?: number;
  personaDbProbe?: () => Promise<unknown>;
  personaDbProbing?: { at: number; down: Promise<boolean> };
};

/**
 * Remembers, for a few seconds, that the database just failed to answer: writes that can wait
 * (a reply's partial saves, heartbeats) skip meanwhile instead of each waiting on a dead server or,
 * on SQLite, blocking the process for the whole busy timeout on a locked file.
 */
export function noteDatabaseError(error: unknown) {
  if (!isDatabaseUnavailable(error)) return;
  const now = Date.now();
  globalForOutage.personaDbDownUntil = now + REST_MS;
  globalForOutage.personaDbSeenDown = now;
}

/** The server's start registers a cheap read (`SELECT 1`) that databaseDown uses. */
export function registerDatabaseProbe(probe: () => Promise<unknown>) {
  globalForOutage.personaDbProbe = probe;
}

/**
 * For the proxy: is the database down now? False at once unless it was seen down in the last
 * minute; then one shared probe a second answers (a probe slower than 2 s counts as down), so
 * pages get a 503 while it is down and render again within a second of it coming back.
 */
export async function databaseDown(now = Date.now()): Promise<boolean> {
  const seen = globalForOutage.personaDbSeenDown ?? 0;
  const probe = globalForOutage.personaDbProbe;
  if (!probe || now - seen > WATCH_MS) return false;
  const last = globalForOutage.personaDbProbing;
  if (last && now >= last.at && now - last.at < PROBE_EVERY_MS) return await last.down;
  const down = (async () => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        probe(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new DatabaseUnavailable()), PROBE_TIMEOUT_MS);
        }),
      ]);
      globalForOutage.personaDbSeenDown = 0;
      return false;
    } catch (error) {
      noteDatabaseError(error);
      return isDatabaseUnavailable(error);
    } finally {
      clearTimeout(timer);
    }
  })();
  globalForOutage.personaDbProbing = { at: now, down };
  return await down;
}

export function databaseResting(now = Date.now()): boolean {
  return (globalForOutage.personaDbDownUntil ?? 0) > now;
}
