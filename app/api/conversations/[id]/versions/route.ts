import { NextResponse } from "next/server";
import { chooseVersion } from "@/lib/chat/choose-version";
import { requireOwner } from "@/lib/chat/owner";
import { chooseVersionSchema } from "@/lib/chat/validation";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";

/**
 * POST /api/conversations/:id/versions { messageId } — show that version of the last reply: the
 * conversation goes on from it.
 */
export const POST = route({ body: chooseVersionSchema }, async ({ params, body }) =>
  NextResponse.json({
    messages: await chooseVersion(getDb(), await requireOwner(params.id), body.messageId),
  }),
);
