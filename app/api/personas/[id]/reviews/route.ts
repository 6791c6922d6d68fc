import { NextResponse } from "next/server";
import { personaFromParam } from "@/lib/community/persona-param";
import { reviewsPage, reviewsQuerySchema } from "@/lib/community/reviews";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { getCatalog } from "@/lib/personas";

/** GET /api/personas/:id/reviews?page=&sort=newest|helpful — visible reviews, with the average and distribution. */
export const GET = route({ query: reviewsQuerySchema }, async ({ params, query }) => {
  const persona = personaFromParam(getCatalog(), params.id);
  return NextResponse.json(await reviewsPage({ db: getDb(), personaId: persona.id, ...query }));
});
