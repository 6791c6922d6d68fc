import { NextResponse } from "next/server";
import { requireOwner } from "@/lib/chat/owner";
import { revokeShare, shareConversation } from "@/lib/community/shares";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { route } from "@/lib/http/route";

/** POST /api/conversations/:id/share → { url } — an unlisted read-only link (the owner's only). */
export const POST = route({}, async ({ params }) => {
  const { actor, id } = await requireOwner(params.id);
  const result = await shareConversation({ db: getDb(), id, userId: actor.userId, siteUrl: env().siteUrl });
  return NextResponse.json(result, { status: 201, headers: { "Cache-Control": "private, no-store" } });
});

/** DELETE /api/conversations/:id/share — the link answers 404 from now on. */
export const DELETE = route({}, async ({ params }) => {
  const { actor, id } = await requireOwner(params.id);
  return NextResponse.json(await revokeShare({ db: getDb(), id, userId: actor.userId }));
});
