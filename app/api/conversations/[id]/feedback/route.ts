import { NextResponse, type NextRequest } from "next/server";
import { parseJsonBody, requireOwner } from "@/lib/chat/route-helpers";
import { feedbackSchema, setReplyFeedback } from "@/lib/community/feedback";
import { getDb } from "@/lib/db/client";
import { jsonError } from "@/lib/http/json-error";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { getCatalog } from "@/lib/personas";

/** PUT /api/conversations/:id/feedback { messageId, rating: "up" | "down" | null, reason?, text? } */
export async function PUT(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  try {
    assertSameOrigin(request);
    const { actor, id } = await requireOwner((await params).id);
    const body = await parseJsonBody(request, feedbackSchema, 4 * 1024);
    const result = await setReplyFeedback({
      db: getDb(),
      catalog: getCatalog(),
      userId: actor.userId,
      conversationId: id,
      request: body,
    });
    return NextResponse.json(result);
  } catch (error) {
    return jsonError(error);
  }
}
