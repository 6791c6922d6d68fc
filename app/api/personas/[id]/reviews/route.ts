import { NextResponse, type NextRequest } from "next/server";
import { personaFromParam } from "@/lib/community/persona-param";
import { reviewsPage, reviewsQuerySchema } from "@/lib/community/reviews";
import { getDb } from "@/lib/db/client";
import { invalidInput, jsonError, searchParamsObject } from "@/lib/http/json-error";
import { getCatalog } from "@/lib/personas";

/** GET /api/personas/:id/reviews?page=&sort=newest|helpful — visible reviews, with the average and distribution. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  try {
    const persona = personaFromParam(getCatalog(), (await params).id);
    const query = reviewsQuerySchema.safeParse(searchParamsObject(request.nextUrl.searchParams));
    if (!query.success) throw invalidInput(query.error);
    return NextResponse.json(await reviewsPage({ db: getDb(), personaId: persona.id, ...query.data }));
  } catch (error) {
    return jsonError(error);
  }
}
