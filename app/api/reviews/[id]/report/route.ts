import { NextResponse, type NextRequest } from "next/server";
import { parseJsonBody } from "@/lib/chat/route-helpers";
import { reportReview, reportSchema } from "@/lib/community/review-moderation";
import { requireSignedIn } from "@/lib/community/viewer";
import { getDb } from "@/lib/db/client";
import { jsonError } from "@/lib/http/json-error";
import { assertSameOrigin } from "@/lib/http/same-origin";

/** POST /api/reviews/:id/report { reason? } — flag a review for an operator. */
export async function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  try {
    assertSameOrigin(request);
    const viewer = await requireSignedIn("report reviews");
    const { reason } = await parseJsonBody(request, reportSchema, 4 * 1024);
    const result = await reportReview({ db: getDb(), id: (await params).id, userId: viewer.id, reason });
    return NextResponse.json(result);
  } catch (error) {
    return jsonError(error);
  }
}
