import "server-only";
import { streamText, type LanguageModel, type ModelMessage } from "ai";
import { closeDb, type Db } from "@/lib/db/client";
import { databaseResting, noteDatabaseError } from "@/lib/db/outage";
import {
  heartbeatReplies,
  markInstanceInterrupted,
  markStaleInterrupted,
} from "@/lib/db/queries/live-replies";
import { instanceId } from "@/lib/instance";
import { updateMessage } from "@/lib/db/queries/messages";
import { openRequests } from "@/lib/http/request-log";
import { audit, log } from "@/lib/log";
import { beginShutdown } from "@/lib/shutdown";
import { saveUntilDone } from "./final-save";
import { freshAfter, liveness } from "./liveness";

export type RunEnd = "complete" | "interrupted" | "stopped";
/** onNoReply: the run failed before any text arrived (the service gives the message back to the quota). */
export type RunOptions = {
  model: LanguageModel;
  system: string;
  messages: ModelMessage[];
  onNoReply?: () => Promise<void>;
};
export const NO_REPLY_ERROR = "Couldn't get a reply. It was not counted against today's messages; try again.";
export const NOT_SAVED_ERROR =
  "The reply could not be saved: the database did not answer. Copy anything you need from it now.";
export type RunEvent = { type: "delta"; text: string } | { type: "end"; status: RunEnd; error?: string };

/**
 * One reply being generated. It runs on its own, apart from any HTTP response: a client that goes
 * away does not stop it, and the reply is saved when it ends — in full, or, if the provider fails,
 * the user presses Stop or the server shuts down, as far as it got, marked so.
 */
export class ReplyRun {
  text = "";
  ended: RunEnd | undefined;
  private readonly listeners = new Set<(event: RunEvent) => void>();
  private readonly controller = new AbortController();
  private stopRequested = false;
  /**
   * From the start, not 0: the first partial save waits saveMs like the others, so a short reply is
   * written twice (its message and its end), not three times.
   */
  private lastSave = Date.now();
  /** The partial save in flight: the final save waits for it, so on a connection pool it cannot land last. */
  private pendingSave: Promise<void> = Promise.resolve();
  private savedLength = 0;
  readonly done: Promise<RunEnd>;

  constructor(
    private readonly db: Db,
    readonly conversationId: string,
    readonly messageId: string,
    options: RunOptions,
  ) {
    this.done = this.run(options);
  }

  subscribe(listener: (event: RunEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop() {
    this.stopRequested = true;
    this.controller.abort();
  }

  /** Server shutdown: write what we have now, before the process goes. */
  async flushOnShutdown() {
    if (this.ended) return;
    const saved = this.finish(
      "interrupted",
      "The server restarted while this reply was being written.",
      "shutdown",
    );
    this.controller.abort();
    await saved;
  }

  private emit(event: RunEvent) {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        this.listeners.delete(listener);
      }
    }
  }

  private async run({ model, system, messages, onNoReply }: RunOptions): Promise<RunEnd> {
    let error: string | undefined;
    try {
      const result = streamText({
        model,
        system,
        messages,
        abortSignal: this.controller.signal,
        maxRetries: 1,
      });
      for await (const part of result.fullStream) {
        if (this.ended) break;
        if (part.type === "text-delta") {
          this.text += part.text;
          this.emit({ type: "delta", text: part.text });
          // Checked here, not in the save: most tokens save nothing, and need no promise for it.
          if (Date.now() - this.lastSave >= liveness().saveMs) void this.savePartial();
        } else if (part.type === "error") {
          throw part.error;
        } else if (part.type === "abort") {
          break;
        }
      }
    } catch (cause) {
      if (!this.stopRequested) {
        log.warn(
          {
            event: "chat.reply_failed",
            messageId: this.messageId,
            err: cause instanceof Error ? cause.message : String(cause),
          },
          "the model call failed",
        );
        error = "The model stopped answering partway. What it wrote so far is kept.";
      }
    }
    if (!this.ended) {
      if (error && this.text === "") {
        try {
          await onNoReply?.();
        } catch (cause) {
          log.error(
            { event: "chat.quota_refund_failed", messageId: this.messageId, err: cause },
            "could not give back a failed reply's quota",
          );
        }
        error = NO_REPLY_ERROR;
      }
      if (this.stopRequested) await this.finish("stopped");
      else if (error || this.controller.signal.aborted) await this.finish("interrupted", error);
      else await this.finish("complete");
    }
    return this.ended!;
  }

  /**
   * Partial text reaches the database every saveMs (only when it grew), so a crash loses little and
   * a reader on another instance sees it arrive.
   */
  private async savePartial() {
    if (this.text.length === this.savedLength || databaseResting()) return;
    this.lastSave = Date.now();
    this.savedLength = this.text.length;
    const save = updateMessage({ db: this.db, id: this.messageId, content: this.text, status: "streaming" });
    this.pendingSave = save.then(
      () => {},
      () => {},
    );
    try {
      await save;
    } catch (cause) {
      // A partial save that fails is not the reply failing: the final save writes it all.
      noteDatabaseError(cause);
      log.warn(
        { event: "chat.partial_save_failed", messageId: this.messageId, err: cause },
        "partial save failed",
      );
    }
  }

  private async finish(status: RunEnd, error?: string, why?: "shutdown") {
    this.ended = status;
    if (status === "interrupted")
      audit("chat.reply_interrupted", {
        messageId: this.messageId,
        reason: why ?? (this.text === "" ? "no_reply" : "cut_off"),
        receivedChars: this.text.length,
      });
    await this.pendingSave;
    // The database may be down or locked right now: the text waits in memory and the save is retried.
    const saved = await saveUntilDone(
      () => updateMessage({ db: this.db, id: this.messageId, content: this.text, status }),
      this.messageId,
    );
    this.emit({ type: "end", status, error: saved ? error : NOT_SAVED_ERROR });
    this.listeners.clear();
  }
}

const globalForRuns = globalThis as unknown as {
  personaRuns?: Map<string, ReplyRun>;
  personaRunsShutdown?: boolean;
};
const runs = (globalForRuns.personaRuns ??= new Map());

export function activeRun(conversationId: string): ReplyRun | undefined {
  return runs.get(conversationId);
}

export function startRun(...args: ConstructorParameters<typeof ReplyRun>): ReplyRun {
  const run = new ReplyRun(...args);
  runs.set(run.conversationId, run);
  ensureHeartbeat(args[0]);
  void run.done.finally(() => {
    if (runs.get(run.conversationId) === run) runs.delete(run.conversationId);
  });
  return run;
}

const globalForBeat = globalThis as unknown as { personaBeat?: NodeJS.Timeout; personaBeating?: boolean };

/**
 * One timer per process while it has replies running: each beat is one UPDATE … RETURNING over all
 * of them (not one per reply, nor per token) that keeps them alive for the other instances and
 * brings back the ones Stop was pressed for elsewhere, which are then stopped as a local Stop does.
 */
function ensureHeartbeat(db: Db) {
  if (globalForBeat.personaBeat) return;
  const beat = setInterval(() => {
    if (runs.size === 0) {
      clearInterval(beat);
      globalForBeat.personaBeat = undefined;
      return;
    }
    if (globalForBeat.personaBeating || databaseResting()) return;
    globalForBeat.personaBeating = true;
    const byMessage = new Map([...runs.values()].map((run) => [run.messageId, run]));
    heartbeatReplies({ db, ids: [...byMessage.keys()] })
      .then((rows) => {
        for (const row of rows) if (row.stopRequestedAt) byMessage.get(row.id)?.stop();
      })
      .catch((cause: unknown) => {
        noteDatabaseError(cause);
        log.warn({ event: "chat.heartbeat_failed", err: cause }, "heartbeat failed");
      })
      .finally(() => (globalForBeat.personaBeating = false));
  }, liveness().heartbeatMs);
  beat.unref();
  globalForBeat.personaBeat = beat;
}

/** At start: the replies this instance was writing when it went down, marked interrupted at once; how many. */
export async function sweepOwnReplies(db: Db): Promise<number> {
  return markInstanceInterrupted({ db, instanceId: instanceId() });
}

/** Replies whose process is gone (stale heartbeat), marked interrupted; how many. */
export async function sweepStaleReplies(db: Db, conversationId?: string): Promise<number> {
  return markStaleInterrupted({ db, staleBefore: freshAfter(), conversationId });
}

/** Every process sweeps now and then, so a crashed instance's replies end even if nobody reads them. */
export function installStaleSweep(db: Db, everyMs = 10_000) {
  const globalForSweep = globalThis as unknown as { personaSweep?: NodeJS.Timeout };
  if (globalForSweep.personaSweep) return;
  globalForSweep.personaSweep = setInterval(() => {
    sweepStaleReplies(db).then(
      (count) => {
        if (count)
          log.warn({ event: "chat.replies_marked_interrupted", count }, "stale replies marked interrupted");
      },
      (cause: unknown) => log.warn({ event: "chat.sweep_failed", err: String(cause) }, "sweep failed"),
    );
  }, everyMs);
  globalForSweep.personaSweep.unref();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A clean stop (a drain): new chat requests are turned away with a 503 while the listener stays
 * open; replies in flight get graceMs to end by themselves, the rest are saved as interrupted and
 * their clients sent that last event; open responses get until drainMs to go out; then the
 * database is checkpointed and closed.
 */
export async function shutdown(
  signal: string,
  { graceMs = 3_000, drainMs = 8_000 }: { graceMs?: number; drainMs?: number } = {},
) {
  beginShutdown();
  const began = Date.now();
  const inFlight = runs.size;
  await Promise.race([Promise.all([...runs.values()].map((run) => run.done)), sleep(graceMs)]);
  const cut = runs.size;
  await Promise.all(
    [...runs.values()].map(async (run) => {
      try {
        await run.flushOnShutdown();
      } catch (error) {
        // One reply that cannot be saved must not keep the others unsaved or the database open.
        const fields = { event: "chat.reply_flush_failed", messageId: run.messageId, err: error };
        log.error(fields, "chat.reply_flush_failed");
      }
    }),
  );
  while (openRequests() > 0 && Date.now() - began < drainMs) await sleep(50);
  clearInterval(globalForBeat.personaBeat);
  clearInterval((globalThis as unknown as { personaSweep?: NodeJS.Timeout }).personaSweep);
  await closeDb();
  audit("server.shutdown", {
    signal,
    finishedReplies: inFlight - cut,
    interruptedReplies: cut,
    unfinishedRequests: openRequests(),
    drainMs: Date.now() - began,
  });
}

/** On SIGTERM/SIGINT: shutdown(), then exit 0; a hard timer makes sure the process is gone within 10 s. */
export function installShutdownFlush({
  exit = (code: number) => process.exit(code),
  hardStopMs = 9_500,
} = {}) {
  if (globalForRuns.personaRunsShutdown) return;
  globalForRuns.personaRunsShutdown = true;
  const onSignal = async (signal: NodeJS.Signals) => {
    setTimeout(() => exit(1), hardStopMs).unref();
    try {
      await shutdown(signal);
    } catch (error) {
      log.error({ event: "server.shutdown_failed", err: error }, "server.shutdown_failed");
      exit(1);
      return;
    }
    exit(0);
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
}
