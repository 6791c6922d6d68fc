import { NextResponse } from "next/server";
import { requireOwner, stopOwnReply } from "@/lib/chat/owner";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";

/**
 * POST /api/conversations/:id/stop — Stop: ends the reply being written, on whichever instance
 * writes it, and keeps what it said.
 */
export const POST = route({}, async ({ params }) =>
  NextResponse.json(await stopOwnReply(getDb(), await requireOwner(params.id))),
);
