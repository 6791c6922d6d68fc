import { NextResponse, type NextRequest } from "next/server";
import { parseJsonBody } from "@/lib/chat/route-helpers";
import { personaFromParam } from "@/lib/community/persona-param";
import { removeReview, reviewInputSchema, writeReview } from "@/lib/community/reviews";
import { requireSignedIn } from "@/lib/community/viewer";
import { getDb } from "@/lib/db/client";
import { jsonError } from "@/lib/http/json-error";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { getCatalog } from "@/lib/personas";

type Context = { params: Promise<{ id: string }> };

/** PUT /api/personas/:id/review { rating: 1–5, text? } — write or edit the viewer's one review. */
export async function PUT(request: NextRequest, { params }: Context) {
  try {
    assertSameOrigin(request);
    const persona = personaFromParam(getCatalog(), (await params).id);
    const viewer = await requireSignedIn("review personas");
    const input = await parseJsonBody(request, reviewInputSchema);
    const db = getDb();
    const review = await db.transaction(
      async (tx) => await writeReview({ db: tx, userId: viewer.id, persona, input }),
      {
        behavior: "immediate",
      },
    );
    return NextResponse.json(review, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return jsonError(error);
  }
}

/** DELETE /api/personas/:id/review — delete the viewer's review. */
export async function DELETE(request: NextRequest, { params }: Context) {
  try {
    assertSameOrigin(request);
    const persona = personaFromParam(getCatalog(), (await params).id);
    const viewer = await requireSignedIn("review personas");
    await removeReview({ db: getDb(), userId: viewer.id, personaId: persona.id });
    return new NextResponse(null, { status: 204 });
  } catch (error) {
    return jsonError(error);
  }
}
