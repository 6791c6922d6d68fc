import "server-only";
import type { UIMessageStreamWriter } from "ai";
import type { Db } from "@/lib/db/client";
import type { ReplyRun, RunEnd } from "./runs";
import { watchReply } from "./watch-reply";

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

/**
 * The same stream for a reply another process is writing, fed by watchReply's reads: what was added
 * since the last read is sent as a delta, until the reply ends.
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
  const end = await watchReply({ db, conversationId, messageId, signal, onProgress: send });
  if (end.kind === "missing") out.end("interrupted");
  else if (end.kind === "ended") out.end(end.status);
}
