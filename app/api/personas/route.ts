import { NextResponse } from "next/server";
import { getViewer } from "@/lib/auth/viewer";
import { galleryPage } from "@/lib/community/persona-api";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { getCatalog } from "@/lib/personas";
import { galleryQuerySchema } from "@/lib/personas/query";

/**
 * GET /api/personas?q=&category=&tag=&tier=&favorites=1&sort=&page=&pageSize= — summaries with their
 * stats, never bodies. `favorites=1` is the caller's own stars and needs a signed-in caller.
 */
export const GET = route({ query: galleryQuerySchema.strict() }, async ({ query }) => {
  // The viewer is read only when the answer depends on them.
  const viewer = query.favorites ? await getViewer() : null;
  return NextResponse.json(
    await galleryPage({ db: getDb(), catalog: getCatalog(), query, viewerId: viewer?.id ?? null }),
  );
});
