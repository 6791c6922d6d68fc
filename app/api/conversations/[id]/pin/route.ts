import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { pinConversation } from "@/lib/chat/conversation-list";
import { parseJsonBody, requireOwner } from "@/lib/chat/route-helpers";
import { getDb } from "@/lib/db/client";
import { jsonError } from "@/lib/http/json-error";
import { assertSameOrigin } from "@/lib/http/same-origin";

const pinSchema = z.strictObject({ pinned: z.boolean({ error: "must be true or false" }) });

/** PUT /api/conversations/:id/pin { pinned } — pin it to the top of the sidebar, or unpin it. */
export async function PUT(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  try {
    assertSameOrigin(request);
    const { actor, id } = await requireOwner((await params).id);
    const { pinned } = await parseJsonBody(request, pinSchema);
    await pinConversation({ db: getDb(), id, userId: actor.userId, pinned });
    return NextResponse.json({ id, pinned });
  } catch (error) {
    return jsonError(error);
  }
}
