import "server-only";
import type { UIMessageStreamWriter } from "ai";
import type { Db } from "@/lib/db/client";
import { markStaleInterrupted, replyProgress } from "@/lib/db/queries/live-replies";
import { liveness } from "./liveness";
import type { ReplyRun, RunEnd } from "./runs";

/** What the client learns about a reply besides its text. */
export type ReplyMetadata = {
  conversationId: string;
  messageId: string;
  status?: RunEnd | "streaming";
  error?: string;
  createdAt?: string;
};

/** The wire format of one reply in a UI message stream, whoever feeds it (a local run, or the database). */
function replyWriter(writer: UIMessageStreamWriter, conversationId: string, messageId: string) {
  const textId = `text-${messageId}`;
  const safeWrite = (chunk: Parameters<UIMessageStreamWriter["write"]>[0]) => {
    try {
      writer.write(chunk);
    } catch {
      // The client went away; the run carries on.
    }
  };
  safeWrite({
    type: "start",
    messageId,
    messageMetadata: {
      conversationId,
      messageId,
      status: "streaming",
      createdAt: new Date().toISOString(),
    } satisfies ReplyMetadata,
  });
  safeWrite({ type: "text-start", id: textId });
  return {
    delta(text: string) {
      if (text) safeWrite({ type: "text-delta", id: textId, delta: text });
    },
    end(status: RunEnd, error?: string) {
      safeWrite({ type: "text-end", id: textId });
      safeWrite({
        type: "message-metadata",
        messageMetadata: { conversationId, messageId, status, error } satisfies ReplyMetadata,
      });
      safeWrite({ type: "finish" });
    },
  };
}

/**
 * Mirrors a running reply into a UI message stream for useChat. Only a view: if the client goes
 * away, the run goes on and saves the reply regardless.
 */
export function replyStream(
  run: ReplyRun,
  conversationId: string,
  writer: UIMessageStreamWriter,
): Promise<void> {
  const out = replyWriter(writer, conversationId, run.messageId);
  out.delta(run.text);
  return new Promise<void>((resolve) => {
    const end = (status: RunEnd, error?: string) => {
      out.end(status, error);
      resolve();
    };
    if (run.ended) return end(run.ended);
    run.subscribe((event) => {
      if (event.type === "delta") out.delta(event.text);
      else end(event.status, event.error);
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The same stream for a reply another process is writing: the row is read every followMs and what
 * was added since is sent as a delta, until its status changes. A reply whose heartbeat went stale
 * has lost its process: it is marked interrupted and the stream ends so.
 */
export async function followStream({
  db,
  conversationId,
  messageId,
  writer,
  signal,
}: {
  db: Db;
  conversationId: string;
  messageId: string;
  writer: UIMessageStreamWriter;
  signal?: AbortSignal;
}): Promise<void> {
  const out = replyWriter(writer, conversationId, messageId);
  let sent = "";
  const send = (content: string) => {
    // Partial saves only ever grow the text; anything else is not a continuation of what was sent.
    if (content.length > sent.length && content.startsWith(sent)) {
      out.delta(content.slice(sent.length));
      sent = content;
    }
  };
  for (;;) {
    const row = await replyProgress({ db, id: messageId });
    if (!row) return out.end("interrupted");
    send(row.content);
    if (row.status !== "streaming") return out.end(row.status);
    const staleBefore = Date.now() - liveness().staleMs;
    if (!row.heartbeatAt || row.heartbeatAt.getTime() < staleBefore) {
      await markStaleInterrupted({ db, staleBefore: new Date(staleBefore), conversationId });
      return out.end("interrupted");
    }
    if (signal?.aborted) return;
    await sleep(liveness().followMs);
  }
}
