import { NextResponse, type NextRequest } from "next/server";
import { requireOwner } from "@/lib/chat/route-helpers";
import { stopReply } from "@/lib/chat/stop-reply";
import { getDb } from "@/lib/db/client";
import { getConversation } from "@/lib/db/queries/conversations";
import { AppError } from "@/lib/errors";
import { jsonError } from "@/lib/http/json-error";
import { assertSameOrigin } from "@/lib/http/same-origin";

/**
 * POST /api/conversations/:id/stop — Stop: ends the reply being written, on whichever instance
 * writes it, and keeps what it said.
 */
export async function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  try {
    assertSameOrigin(request);
    const { actor, id } = await requireOwner((await params).id);
    const db = getDb();
    if (!(await getConversation({ db, id, userId: actor.userId })))
      throw new AppError("not_found", "There is no conversation with that id.");
    return NextResponse.json(await stopReply({ db, conversationId: id }));
  } catch (error) {
    return jsonError(error);
  }
}
