import { NextResponse, type NextRequest } from "next/server";
import { requireOwner } from "@/lib/chat/route-helpers";
import { activeRun } from "@/lib/chat/runs";
import { getDb } from "@/lib/db/client";
import { getConversation } from "@/lib/db/queries/conversations";
import { AppError } from "@/lib/errors";
import { jsonError } from "@/lib/http/json-error";
import { assertSameOrigin } from "@/lib/http/same-origin";

/** POST /api/conversations/:id/stop — Stop: ends the reply being written and keeps what it said. */
export async function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  try {
    assertSameOrigin(request);
    const { actor, id } = await requireOwner((await params).id);
    if (!(await getConversation({ db: getDb(), id, userId: actor.userId })))
      throw new AppError("not_found", "There is no conversation with that id.");
    const run = activeRun(id);
    if (!run) return NextResponse.json({ stopped: false });
    run.stop();
    const status = await run.done;
    return NextResponse.json({ stopped: true, status, content: run.text });
  } catch (error) {
    return jsonError(error);
  }
}
