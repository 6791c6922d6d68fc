import { NextResponse, type NextRequest } from "next/server";
import { setFavorite } from "@/lib/community/favorites";
import { personaFromParam } from "@/lib/community/persona-param";
import { requireSignedIn } from "@/lib/community/viewer";
import { getDb } from "@/lib/db/client";
import { jsonError } from "@/lib/http/json-error";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { getCatalog } from "@/lib/personas";

type Context = { params: Promise<{ id: string }> };

async function handle(request: NextRequest, { params }: Context, favorited: boolean) {
  try {
    assertSameOrigin(request);
    const persona = personaFromParam(getCatalog(), (await params).id);
    const viewer = await requireSignedIn("star personas");
    const state = await setFavorite({ db: getDb(), userId: viewer.id, personaId: persona.id, favorited });
    return NextResponse.json(state, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return jsonError(error);
  }
}

/** PUT /api/personas/:id/favorite — star it (the viewer's own star; idempotent). */
export async function PUT(request: NextRequest, context: Context) {
  return await handle(request, context, true);
}

/** DELETE /api/personas/:id/favorite — unstar it. */
export async function DELETE(request: NextRequest, context: Context) {
  return await handle(request, context, false);
}
