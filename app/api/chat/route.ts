import { clientIp } from "@/lib/auth/client-ip";
import { getChatActor } from "@/lib/auth/actor";
import { guestCookieHeader } from "@/lib/auth/guest";
import { replyResponse } from "@/lib/chat/reply-response";
import { startReply } from "@/lib/chat/service";
import { BODY_MAX_BYTES, chatRequestSchema } from "@/lib/chat/validation";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { addressGroup } from "@/lib/limits/address";
import { getCatalog } from "@/lib/personas";

/** POST /api/chat — one message in, the persona's reply streamed back token by token. */
export const POST = route(
  { body: chatRequestSchema, maxBytes: BODY_MAX_BYTES },
  async ({ request, body }) => {
    const { run, conversationId, newGuestId } = await startReply({
      db: getDb(),
      catalog: getCatalog(),
      actor: await getChatActor(),
      request: body,
      clientGroup: addressGroup(clientIp(request.headers)),
    });
    const headers: Record<string, string> = {
      "Cache-Control": "no-store",
      "X-Conversation-Id": conversationId,
    };
    if (newGuestId) headers["Set-Cookie"] = guestCookieHeader(newGuestId);
    return replyResponse(run, conversationId, headers);
  },
);
