import type { NextRequest } from "next/server";
import { conversationMarkdown, conversationView } from "@/lib/chat/conversation-view";
import { requireOwner } from "@/lib/chat/route-helpers";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { jsonError } from "@/lib/http/json-error";
import { getCatalog } from "@/lib/personas";

/** GET /api/conversations/:id/export — the conversation as a Markdown file. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { actor, id } = await requireOwner((await params).id);
    const view = await conversationView({ db: getDb(), catalog: getCatalog(), id, userId: actor.userId });
    if (!view) throw new AppError("not_found", "There is no conversation with that id.");
    const filename = `${view.persona.id}-${view.id.slice(0, 8)}.md`;
    return new Response(conversationMarkdown(view), {
      headers: {
        "Content-Type": "text/markdown; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return jsonError(error);
  }
}
