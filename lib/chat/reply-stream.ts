import "server-only";
import type { UIMessageStreamWriter } from "ai";
import type { ReplyRun, RunEnd } from "./runs";

/** What the client learns about a reply besides its text. */
export type ReplyMetadata = {
  conversationId: string;
  messageId: string;
  status?: RunEnd | "streaming";
  error?: string;
  createdAt?: string;
};

/**
 * Mirrors a running reply into a UI message stream for useChat. Only a view: if the client goes
 * away, the run goes on and saves the reply regardless.
 */
export function replyStream(
  run: ReplyRun,
  conversationId: string,
  writer: UIMessageStreamWriter,
): Promise<void> {
  const textId = `text-${run.messageId}`;
  const safeWrite = (chunk: Parameters<UIMessageStreamWriter["write"]>[0]) => {
    try {
      writer.write(chunk);
    } catch {
      // The client went away; the run carries on.
    }
  };
  safeWrite({
    type: "start",
    messageId: run.messageId,
    messageMetadata: {
      conversationId,
      messageId: run.messageId,
      status: "streaming",
      createdAt: new Date().toISOString(),
    } satisfies ReplyMetadata,
  });
  safeWrite({ type: "text-start", id: textId });
  if (run.text) safeWrite({ type: "text-delta", id: textId, delta: run.text });
  return new Promise<void>((resolve) => {
    const end = (status: RunEnd, error?: string) => {
      safeWrite({ type: "text-end", id: textId });
      safeWrite({
        type: "message-metadata",
        messageMetadata: { conversationId, messageId: run.messageId, status, error } satisfies ReplyMetadata,
      });
      safeWrite({ type: "finish" });
      resolve();
    };
    if (run.ended) return end(run.ended);
    run.subscribe((event) => {
      if (event.type === "delta") safeWrite({ type: "text-delta", id: textId, delta: event.text });
      else end(event.status, event.error);
    });
  });
}
