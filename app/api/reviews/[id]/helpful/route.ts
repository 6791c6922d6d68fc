import { NextResponse } from "next/server";
import { markHelpful } from "@/lib/community/review-moderation";
import { requireSignedIn } from "@/lib/community/viewer";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";

/** POST /api/reviews/:id/helpful — the viewer found it helpful (once). */
export const POST = route({}, async ({ params }) => {
  const viewer = await requireSignedIn("vote on reviews");
  return NextResponse.json(await markHelpful({ db: getDb(), id: String(params.id), userId: viewer.id }));
});
