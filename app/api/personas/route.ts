import { NextResponse, type NextRequest } from "next/server";
import { getViewer } from "@/lib/auth/viewer";
import { favoriteSet } from "@/lib/community/favorites";
import { catalogStats, publicStats, statsOf } from "@/lib/community/stats";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { invalidInput, jsonError, searchParamsObject } from "@/lib/http/json-error";
import { getCatalog } from "@/lib/personas";
import { galleryQuerySchema, queryCatalog } from "@/lib/personas/query";
import { toSummary } from "@/lib/personas/summary";

/**
 * GET /api/personas?q=&category=&tag=&tier=&favorites=1&sort=&page=&pageSize= — summaries with their
 * stats, never bodies. `favorites=1` is the caller's own stars and needs a signed-in caller.
 */
export async function GET(request: NextRequest) {
  try {
    const parsed = galleryQuerySchema.strict().safeParse(searchParamsObject(request.nextUrl.searchParams));
    if (!parsed.success) throw invalidInput(parsed.error);
    const db = getDb();
    const viewer = parsed.data.favorites ? await getViewer() : null;
    if (parsed.data.favorites && !viewer)
      throw new AppError("unauthorized", "Sign in to list your favourites.");
    const stats = await catalogStats({ db });
    const favorites = await favoriteSet({ db, userId: viewer?.id });
    const result = queryCatalog(getCatalog(), parsed.data, { stats, favorites });
    return NextResponse.json({
      items: result.items.map((p) => ({ ...toSummary(p), stats: publicStats(statsOf(stats, p.id)) })),
      total: result.total,
      page: result.page,
      pageSize: result.pageSize,
      pageCount: result.pageCount,
      sort: result.sort,
      categoryCounts: result.categoryCounts,
    });
  } catch (error) {
    return jsonError(error);
  }
}
