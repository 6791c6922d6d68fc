import { NextResponse } from "next/server";
import { requireOwner } from "@/lib/chat/owner";
import { feedbackSchema, setReplyFeedback } from "@/lib/community/feedback";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { getCatalog } from "@/lib/personas";

/** PUT /api/conversations/:id/feedback { messageId, rating: "up" | "down" | null, reason?, text? } */
export const PUT = route({ body: feedbackSchema, maxBytes: 4 * 1024 }, async ({ params, body }) => {
  const { actor, id } = await requireOwner(params.id);
  return NextResponse.json(
    await setReplyFeedback({
      db: getDb(),
      catalog: getCatalog(),
      userId: actor.userId,
      conversationId: id,
      request: body,
    }),
  );
});
