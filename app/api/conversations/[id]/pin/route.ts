import { NextResponse } from "next/server";
import { z } from "zod";
import { pinConversation } from "@/lib/chat/conversation-list";
import { requireOwner } from "@/lib/chat/owner";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";

const pinSchema = z.strictObject({ pinned: z.boolean({ error: "must be true or false" }) });

/** PUT /api/conversations/:id/pin { pinned } — pin it to the top of the sidebar, or unpin it. */
export const PUT = route({ body: pinSchema }, async ({ params, body }) => {
  const { actor, id } = await requireOwner(params.id);
  await pinConversation({ db: getDb(), id, userId: actor.userId, pinned: body.pinned });
  return NextResponse.json({ id, pinned: body.pinned });
});
