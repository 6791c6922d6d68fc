import { NextResponse, type NextRequest } from "next/server";
import { invalidInput, jsonError, searchParamsObject } from "@/lib/http/json-error";
import { getCatalog } from "@/lib/personas";
import { galleryQuerySchema, queryCatalog } from "@/lib/personas/query";
import { toSummary } from "@/lib/personas/summary";

/** GET /api/personas?q=&category=&tag=&tier=&sort=&page=&pageSize= — summaries only, never bodies. */
export async function GET(request: NextRequest) {
  try {
    const parsed = galleryQuerySchema.strict().safeParse(searchParamsObject(request.nextUrl.searchParams));
    if (!parsed.success) throw invalidInput(parsed.error);
    const result = queryCatalog(getCatalog(), parsed.data);
    return NextResponse.json({
      items: result.items.map(toSummary),
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
