import "server-only";
import type { Db } from "@/lib/db/client";
import { markStaleInterrupted, replyProgress } from "@/lib/db/queries/live-replies";
import { liveness } from "./liveness";
import type { RunEnd } from "./runs";

export type WatchEnd =
  /** The row is gone (the conversation was deleted). */
  | { kind: "missing" }
  /** The reply ended with this status and text; a stale one is marked interrupted first. */
  | { kind: "ended"; status: RunEnd; content: string }
  /** The caller stopped watching (its signal aborted). */
  | { kind: "aborted" };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The one poll loop for a reply another process is writing: its row is read every followMs, each
 * read handed to `onProgress`, until its status changes. A reply whose heartbeat went stale has lost
 * its process: it is marked interrupted here and the watch ends so.
 */
export async function watchReply({
  db,
  conversationId,
  messageId,
  signal,
  onProgress,
}: {
  db: Db;
  conversationId: string;
  messageId: string;
  signal?: AbortSignal;
  onProgress?: (content: string) => void;
}): Promise<WatchEnd> {
  for (;;) {
    const row = await replyProgress({ db, id: messageId });
    if (!row) return { kind: "missing" };
    onProgress?.(row.content);
    if (row.status !== "streaming") return { kind: "ended", status: row.status, content: row.content };
    const staleBefore = Date.now() - liveness().staleMs;
    if (!row.heartbeatAt || row.heartbeatAt.getTime() < staleBefore) {
      await markStaleInterrupted({ db, staleBefore: new Date(staleBefore), conversationId });
      return { kind: "ended", status: "interrupted", content: row.content };
    }
    if (signal?.aborted) return { kind: "aborted" };
    await sleep(liveness().followMs);
  }
}
