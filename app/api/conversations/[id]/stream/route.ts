import { requireOwner } from "@/lib/chat/owner";
import { followReplyResponse } from "@/lib/chat/reply-response";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";

/**
 * GET /api/conversations/:id/stream — follow the reply being written, live, in the wire format of
 * POST /api/chat. 204 when no reply is being written.
 */
export const GET = route({}, async ({ request, params }) =>
  followReplyResponse(getDb(), await requireOwner(params.id), request.signal),
);
