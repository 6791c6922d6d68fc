import { NextResponse } from "next/server";
import { setFavorite } from "@/lib/community/favorites";
import { personaFromParam } from "@/lib/community/persona-param";
import { requireSignedIn } from "@/lib/community/viewer";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { getCatalog } from "@/lib/personas";

const favorite = (favorited: boolean) =>
  route({}, async ({ params }) => {
    const persona = personaFromParam(getCatalog(), params.id);
    const viewer = await requireSignedIn("star personas");
    const state = await setFavorite({ db: getDb(), userId: viewer.id, personaId: persona.id, favorited });
    return NextResponse.json(state, { headers: { "Cache-Control": "private, no-store" } });
  });

/** PUT /api/personas/:id/favorite — star it (the viewer's own star; idempotent). */
export const PUT = favorite(true);

/** DELETE /api/personas/:id/favorite — unstar it. */
export const DELETE = favorite(false);
