import "server-only";
import { createUIMessageStream, createUIMessageStreamResponse } from "ai";
import type { Db } from "@/lib/db/client";
import { lastMessage } from "@/lib/db/queries/messages";
import { assertOwnConversation, type Owner } from "./owner";
import { followStream, replyStream } from "./reply-stream";
import { activeRun, type ReplyRun } from "./runs";

/** A running reply as the UI message stream useChat reads, with the given headers. */
export function replyResponse(
  run: ReplyRun,
  conversationId: string,
  headers: Record<string, string>,
): Response {
  return createUIMessageStreamResponse({
    headers,
    stream: createUIMessageStream({ execute: ({ writer }) => replyStream(run, conversationId, writer) }),
  });
}

/**
 * Follows the reply being written, live, in the same wire format: from the run itself on the
 * instance writing it, from its row on any other. 204 when no reply is being written.
 */
export async function followReplyResponse(db: Db, owner: Owner, signal?: AbortSignal): Promise<Response> {
  await assertOwnConversation(db, owner);
  const id = owner.id;
  const headers = { "Cache-Control": "no-store" };
  const run = activeRun(id);
  if (run) return replyResponse(run, id, headers);
  const last = await lastMessage({ db, conversationId: id });
  if (last?.status !== "streaming") return new Response(null, { status: 204 });
  return createUIMessageStreamResponse({
    headers,
    stream: createUIMessageStream({
      execute: ({ writer }) => followStream({ db, conversationId: id, messageId: last.id, writer, signal }),
    }),
  });
}
