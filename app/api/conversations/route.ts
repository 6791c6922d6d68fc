import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getChatActor } from "@/lib/chat/actor";
import { conversationListPage } from "@/lib/chat/conversation-list";
import { getDb } from "@/lib/db/client";
import { invalidInput, jsonError, searchParamsObject } from "@/lib/http/json-error";
import { getCatalog } from "@/lib/personas";

const querySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(30),
  /** The `next` cursor from the previous page. */
  before: z
    .string()
    .regex(/^\d+_[0-9a-f-]{36}$/, "must be a cursor from a previous page")
    .optional(),
});

/** GET /api/conversations?limit=&before= — the viewer's conversations: pinned first (on the first page), then newest first. */
export async function GET(request: NextRequest) {
  try {
    const parsed = querySchema.safeParse(searchParamsObject(request.nextUrl.searchParams));
    if (!parsed.success) throw invalidInput(parsed.error);
    const actor = await getChatActor();
    if (!actor.userId) return NextResponse.json({ items: [], next: null });
    const { limit, before } = parsed.data;
    const cursor = before
      ? { updatedAt: new Date(Number(before.split("_")[0])), id: before.split("_")[1]! }
      : undefined;
    const page = await conversationListPage({
      db: getDb(),
      catalog: getCatalog(),
      userId: actor.userId,
      limit,
      before: cursor,
    });
    return NextResponse.json(page, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return jsonError(error);
  }
}
