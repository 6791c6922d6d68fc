import { NextResponse } from "next/server";
import { personaFromParam } from "@/lib/community/persona-param";
import { removeReview, reviewInputSchema, saveReview } from "@/lib/community/reviews";
import { requireSignedIn } from "@/lib/community/viewer";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { getCatalog } from "@/lib/personas";

/** PUT /api/personas/:id/review { rating: 1–5, text? } — write or edit the viewer's one review. */
export const PUT = route({ body: reviewInputSchema }, async ({ params, body }) => {
  const persona = personaFromParam(getCatalog(), params.id);
  const viewer = await requireSignedIn("review personas");
  const review = await saveReview({ db: getDb(), userId: viewer.id, persona, input: body });
  return NextResponse.json(review, { headers: { "Cache-Control": "private, no-store" } });
});

/** DELETE /api/personas/:id/review — delete the viewer's review. */
export const DELETE = route({}, async ({ params }) => {
  const persona = personaFromParam(getCatalog(), params.id);
  const viewer = await requireSignedIn("review personas");
  await removeReview({ db: getDb(), userId: viewer.id, personaId: persona.id });
  return new NextResponse(null, { status: 204 });
});
