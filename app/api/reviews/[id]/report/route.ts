import { NextResponse } from "next/server";
import { reportReview, reportSchema } from "@/lib/community/review-moderation";
import { requireSignedIn } from "@/lib/community/viewer";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";

/** POST /api/reviews/:id/report { reason? } — flag a review for an operator. */
export const POST = route({ body: reportSchema, maxBytes: 4 * 1024 }, async ({ params, body }) => {
  const viewer = await requireSignedIn("report reviews");
  return NextResponse.json(
    await reportReview({ db: getDb(), id: String(params.id), userId: viewer.id, reason: body.reason }),
  );
});
