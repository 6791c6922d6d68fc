import { NextResponse, type NextRequest } from "next/server";
import { conversationView } from "@/lib/chat/conversation-view";
import { parseJsonBody, requireOwner } from "@/lib/chat/route-helpers";
import { stopReply } from "@/lib/chat/stop-reply";
import { renameSchema } from "@/lib/chat/validation";
import { getDb } from "@/lib/db/client";
import { deleteConversation, renameConversation } from "@/lib/db/queries/conversations";
import { AppError } from "@/lib/errors";
import { jsonError } from "@/lib/http/json-error";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { getCatalog } from "@/lib/personas";

type Context = { params: Promise<{ id: string }> };
const notFound = () => new AppError("not_found", "There is no conversation with that id.");

/** GET /api/conversations/:id — the owner's conversation with its messages. */
export async function GET(_request: NextRequest, { params }: Context) {
  try {
    const { actor, id } = await requireOwner((await params).id);
    const view = await conversationView({ db: getDb(), catalog: getCatalog(), id, userId: actor.userId });
    if (!view) throw notFound();
    return NextResponse.json(view, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return jsonError(error);
  }
}

/** PATCH /api/conversations/:id { title } — rename. */
export async function PATCH(request: NextRequest, { params }: Context) {
  try {
    assertSameOrigin(request);
    const { actor, id } = await requireOwner((await params).id);
    const { title } = await parseJsonBody(request, renameSchema);
    if (!(await renameConversation({ db: getDb(), id, userId: actor.userId, title }))) throw notFound();
    return NextResponse.json({ id, title });
  } catch (error) {
    return jsonError(error);
  }
}

/** DELETE /api/conversations/:id — gone with its messages; a reply in progress is stopped first. */
export async function DELETE(request: NextRequest, { params }: Context) {
  try {
    assertSameOrigin(request);
    const { actor, id } = await requireOwner((await params).id);
    const db = getDb();
    if (!(await conversationView({ db, catalog: getCatalog(), id, userId: actor.userId }))) throw notFound();
    await stopReply({ db, conversationId: id });
    if (!(await deleteConversation({ db, id, userId: actor.userId }))) throw notFound();
    return new NextResponse(null, { status: 204 });
  } catch (error) {
    return jsonError(error);
  }
}
