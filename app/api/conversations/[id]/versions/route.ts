import { NextResponse, type NextRequest } from "next/server";
import { messageViews } from "@/lib/chat/conversation-view";
import { parseJsonBody, requireOwner } from "@/lib/chat/route-helpers";
import { chooseVersion } from "@/lib/chat/choose-version";
import { activeRun } from "@/lib/chat/runs";
import { assertNoLiveReply, replyInProgress } from "@/lib/chat/service";
import { chooseVersionSchema } from "@/lib/chat/validation";
import { getDb } from "@/lib/db/client";
import { getConversation } from "@/lib/db/queries/conversations";
import { AppError } from "@/lib/errors";
import { jsonError } from "@/lib/http/json-error";
import { assertSameOrigin } from "@/lib/http/same-origin";

/**
 * POST /api/conversations/:id/versions { messageId } — show that version of a turn (an edit of a
 * message, a regenerated reply): the conversation's path goes through it from now on.
 */
export async function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  try {
    assertSameOrigin(request);
    const { actor, id } = await requireOwner((await params).id);
    const { messageId } = await parseJsonBody(request, chooseVersionSchema);
    const db = getDb();
    if (activeRun(id)) throw replyInProgress();
    const chosen = await db.transaction(
      async (tx) => {
        if (!(await getConversation({ db: tx, id, userId: actor.userId }))) {
          throw new AppError("not_found", "There is no conversation with that id.");
        }
        // A reply written on another instance counts too: the database says, under the write lock.
        await assertNoLiveReply(tx, id);
        return await chooseVersion({ db: tx, conversationId: id, id: messageId });
      },
      { behavior: "immediate" },
    );
    if (!chosen) throw new AppError("not_found", "That message is not a version of a turn shown.");
    return NextResponse.json({ messages: await messageViews(db, id) });
  } catch (error) {
    return jsonError(error);
  }
}
