import { createUIMessageStream, createUIMessageStreamResponse } from "ai";
import { NextResponse, type NextRequest } from "next/server";
import { followStream, replyStream } from "@/lib/chat/reply-stream";
import { requireOwner } from "@/lib/chat/route-helpers";
import { activeRun } from "@/lib/chat/runs";
import { getDb } from "@/lib/db/client";
import { getConversation } from "@/lib/db/queries/conversations";
import { lastMessage } from "@/lib/db/queries/messages";
import { AppError } from "@/lib/errors";
import { jsonError } from "@/lib/http/json-error";

/**
 * GET /api/conversations/:id/stream — follow the reply being written, live, in the wire format of
 * POST /api/chat: from the run itself on the instance writing it, from its row on any other.
 * 204 when no reply is being written.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { actor, id } = await requireOwner((await params).id);
    const db = getDb();
    if (!(await getConversation({ db, id, userId: actor.userId })))
      throw new AppError("not_found", "There is no conversation with that id.");
    const run = activeRun(id);
    const last = run ? undefined : await lastMessage({ db, conversationId: id });
    if (!run && last?.status !== "streaming") return new NextResponse(null, { status: 204 });
    const headers = { "Cache-Control": "no-store" };
    return createUIMessageStreamResponse({
      headers,
      stream: createUIMessageStream({
        execute: ({ writer }) =>
          run
            ? replyStream(run, id, writer)
            : followStream({ db, conversationId: id, messageId: last!.id, writer, signal: request.signal }),
      }),
    });
  } catch (error) {
    return jsonError(error);
  }
}
