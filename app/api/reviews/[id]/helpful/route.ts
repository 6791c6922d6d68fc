import { NextResponse, type NextRequest } from "next/server";
import { markHelpful } from "@/lib/community/review-moderation";
import { requireSignedIn } from "@/lib/community/viewer";
import { getDb } from "@/lib/db/client";
import { jsonError } from "@/lib/http/json-error";
import { assertSameOrigin } from "@/lib/http/same-origin";

/** POST /api/reviews/:id/helpful — the viewer found it helpful (once). */
export async function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  try {
    assertSameOrigin(request);
    const viewer = await requireSignedIn("vote on reviews");
    return NextResponse.json(await markHelpful({ db: getDb(), id: (await params).id, userId: viewer.id }));
  } catch (error) {
    return jsonError(error);
  }
}
