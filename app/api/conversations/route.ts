import { NextResponse } from "next/server";
import { getChatActor } from "@/lib/auth/actor";
import { conversationListQuerySchema, conversationPage } from "@/lib/chat/conversation-list";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { getCatalog } from "@/lib/personas";

/** GET /api/conversations?limit=&before= — the viewer's conversations, newest first. */
export const GET = route({ query: conversationListQuerySchema }, async ({ query }) => {
  const actor = await getChatActor();
  const page = await conversationPage({ db: getDb(), catalog: getCatalog(), userId: actor.userId, query });
  return NextResponse.json(page, { headers: { "Cache-Control": "private, no-store" } });
});
