import { createUIMessageStream, createUIMessageStreamResponse } from "ai";
import type { NextRequest } from "next/server";
import { clientIp } from "@/lib/auth/client-ip";
import { getChatActor } from "@/lib/chat/actor";
import { addressGroup } from "@/lib/limits/address";
import { guestCookieHeader } from "@/lib/chat/guest";
import { replyStream } from "@/lib/chat/reply-stream";
import { startReply } from "@/lib/chat/service";
import { BODY_MAX_BYTES, chatRequestSchema } from "@/lib/chat/validation";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { invalidInput, jsonError } from "@/lib/http/json-error";
import { readBodyText } from "@/lib/http/read-body";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { catalogVersionsRecorded, getCatalog } from "@/lib/personas";
import { isShuttingDown } from "@/lib/shutdown";

/** POST /api/chat — one message in, the persona's reply streamed back token by token. */
export async function POST(request: NextRequest) {
  try {
    assertSameOrigin(request);
    if (isShuttingDown()) {
      throw new AppError("shutting_down", "The server is restarting. Try again in a few seconds.");
    }
    const raw = await readBodyText(request, BODY_MAX_BYTES);
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new AppError("bad_request", "The request body must be JSON.");
    }
    const parsed = chatRequestSchema.safeParse(json);
    if (!parsed.success) throw invalidInput(parsed.error, "request");
    const actor = await getChatActor();
    // A conversation is pinned to a version kept in the history (a no-op once the catalog's are stored).
    await catalogVersionsRecorded();
    const { run, conversationId, newGuestId } = await startReply({
      db: getDb(),
      catalog: getCatalog(),
      actor,
      request: parsed.data,
      clientGroup: addressGroup(clientIp(request.headers)),
    });
    const headers: Record<string, string> = {
      "Cache-Control": "no-store",
      "X-Conversation-Id": conversationId,
    };
    if (newGuestId) headers["Set-Cookie"] = guestCookieHeader(newGuestId);
    return createUIMessageStreamResponse({
      headers,
      stream: createUIMessageStream({ execute: ({ writer }) => replyStream(run, conversationId, writer) }),
    });
  } catch (error) {
    const retryAfter = error instanceof AppError ? error.retryAfterSeconds() : undefined;
    return jsonError(error, retryAfter ? { "Retry-After": String(retryAfter) } : undefined);
  }
}
