import { NextResponse, type NextRequest } from "next/server";
import { requireOwner } from "@/lib/chat/route-helpers";
import { revokeShare, shareConversation } from "@/lib/community/shares";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { jsonError } from "@/lib/http/json-error";
import { assertSameOrigin } from "@/lib/http/same-origin";

type Context = { params: Promise<{ id: string }> };

/** POST /api/conversations/:id/share → { url } — an unlisted read-only link (the owner's only). */
export async function POST(request: NextRequest, { params }: Context) {
  try {
    assertSameOrigin(request);
    const { actor, id } = await requireOwner((await params).id);
    const result = await shareConversation({ db: getDb(), id, userId: actor.userId, siteUrl: env().siteUrl });
    return NextResponse.json(result, { status: 201, headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return jsonError(error);
  }
}

/** DELETE /api/conversations/:id/share — the link answers 404 from now on. */
export async function DELETE(request: NextRequest, { params }: Context) {
  try {
    assertSameOrigin(request);
    const { actor, id } = await requireOwner((await params).id);
    return NextResponse.json(await revokeShare({ db: getDb(), id, userId: actor.userId }));
  } catch (error) {
    return jsonError(error);
  }
}
