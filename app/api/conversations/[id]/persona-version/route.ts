import { NextResponse, type NextRequest } from "next/server";
import { requireOwner } from "@/lib/chat/route-helpers";
import { getDb } from "@/lib/db/client";
import { jsonError } from "@/lib/http/json-error";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { getCatalog } from "@/lib/personas";
import { switchToLatest } from "@/lib/personas/versions-conversation";

/**
 * POST /api/conversations/:id/persona-version — "Switch to vX": the conversation talks to the
 * persona's latest version from its next message on (the messages before stay as they were).
 */
export async function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  try {
    assertSameOrigin(request);
    const { actor, id } = await requireOwner((await params).id);
    const switched = await switchToLatest({
      db: getDb(),
      catalog: getCatalog(),
      userId: actor.userId,
      conversationId: id,
    });
    return NextResponse.json(switched);
  } catch (error) {
    return jsonError(error);
  }
}
