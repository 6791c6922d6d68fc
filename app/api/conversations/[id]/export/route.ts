import { conversationMarkdown } from "@/lib/chat/conversation-view";
import { ownConversationView, requireOwner } from "@/lib/chat/owner";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { getCatalog } from "@/lib/personas";

/** GET /api/conversations/:id/export — the conversation as a Markdown file. */
export const GET = route({}, async ({ params }) => {
  const view = await ownConversationView(getDb(), getCatalog(), await requireOwner(params.id));
  const filename = `${view.persona.id}-${view.id.slice(0, 8)}.md`;
  return new Response(conversationMarkdown(view), {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
