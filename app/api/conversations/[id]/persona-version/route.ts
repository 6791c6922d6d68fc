import { NextResponse } from "next/server";
import { requireOwner } from "@/lib/chat/owner";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { getCatalog } from "@/lib/personas";
import { switchToLatest } from "@/lib/personas/versions-conversation";

/**
 * POST /api/conversations/:id/persona-version — "Switch to vX": the conversation talks to the
 * persona's latest version from its next message on (the messages before stay as they were).
 */
export const POST = route({}, async ({ params }) => {
  const { actor, id } = await requireOwner(params.id);
  return NextResponse.json(
    await switchToLatest({ db: getDb(), catalog: getCatalog(), userId: actor.userId, conversationId: id }),
  );
});
