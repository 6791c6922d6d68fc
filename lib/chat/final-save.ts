import "server-only";
import { databaseResting, noteDatabaseError } from "@/lib/db/outage";
import { log } from "@/lib/log";

/** How long a finished reply keeps trying to reach the database, and the pause between tries. */
export type SaveRetry = { forMs: number; firstDelayMs: number; maxDelayMs: number };

const globalForSave = globalThis as unknown as { personaSaveRetry?: SaveRetry };

export function saveRetry(): SaveRetry {
  return (globalForSave.personaSaveRetry ??= { forMs: 60_000, firstDelayMs: 200, maxDelayMs: 4_000 });
}

/** Tests shorten the window (a give-up test cannot wait a minute). */
export function setSaveRetry(next: Partial<SaveRetry>) {
  globalForSave.personaSaveRetry = { ...saveRetry(), ...next };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A reply's final save, tried again with backoff (doubling, capped) while the database is down,
 * locked or restarting, for saveRetry().forMs. The text stays in memory meanwhile. True once saved;
 * false when the window passed (logged; the row is left as its last partial save wrote it).
 */
export async function saveUntilDone(
  save: () => Promise<void>,
  messageId: string,
  { forMs, firstDelayMs, maxDelayMs } = saveRetry(),
): Promise<boolean> {
  const deadline = Date.now() + forMs;
  let delay = firstDelayMs;
  for (let attempt = 1; ; attempt++) {
    // Another write just found the database away: wait with it rather than each try on its own
    // (on SQLite a try on a locked file holds the whole process for the busy timeout).
    while (databaseResting() && Date.now() + firstDelayMs < deadline) await sleep(firstDelayMs);
    try {
      await save();
      if (attempt > 1) log.info({ event: "chat.reply_saved_late", messageId, attempt }, "reply saved late");
      return true;
    } catch (cause) {
      noteDatabaseError(cause);
      if (Date.now() + delay > deadline) {
        log.error({ event: "chat.reply_save_failed", messageId, attempt, err: cause }, "reply not saved");
        return false;
      }
      if (attempt === 1)
        log.warn({ event: "chat.reply_save_retrying", messageId, err: cause }, "reply save retrying");
      await sleep(delay);
      delay = Math.min(delay * 2, maxDelayMs);
    }
  }
}
