import { NextResponse } from "next/server";
import {
  deleteOwnConversation,
  ownConversationView,
  renameOwnConversation,
  requireOwner,
} from "@/lib/chat/owner";
import { renameSchema } from "@/lib/chat/validation";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { getCatalog } from "@/lib/personas";

/** GET /api/conversations/:id — the owner's conversation with its messages. */
export const GET = route({}, async ({ params }) => {
  const view = await ownConversationView(getDb(), getCatalog(), await requireOwner(params.id));
  return NextResponse.json(view, { headers: { "Cache-Control": "private, no-store" } });
});

/** PATCH /api/conversations/:id { title } — rename. */
export const PATCH = route({ body: renameSchema }, async ({ params, body }) =>
  NextResponse.json(await renameOwnConversation(getDb(), await requireOwner(params.id), body.title)),
);

/** DELETE /api/conversations/:id — gone with its messages; a reply in progress is stopped first. */
export const DELETE = route({}, async ({ params }) => {
  await deleteOwnConversation(getDb(), await requireOwner(params.id));
  return new NextResponse(null, { status: 204 });
});
