import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Catalog } from "@/lib/personas/catalog";
import { personaDetail } from "@/lib/personas/detail";
import { queryCatalog, type GalleryQuery } from "@/lib/personas/query";
import type { Persona } from "@/lib/personas/schema";
import { toSummary } from "@/lib/personas/summary";
import type { Tier } from "@/lib/tiers";
import { favoriteSet } from "./favorites";
import { catalogStats, publicStats, statsOf } from "./stats";

/** `GET /api/personas/:id`: the persona as this viewer may see it, with its public stats. */
export async function personaDetailWithStats({
  db,
  catalog,
  persona,
  viewerTier,
}: {
  db: Db;
  catalog: Catalog;
  persona: Persona;
  viewerTier: Tier | null;
}) {
  const stats = publicStats(statsOf(await catalogStats({ db }), persona.id));
  return { ...personaDetail(catalog, persona, viewerTier), stats };
}

/**
 * `GET /api/personas`: one gallery page of summaries with their stats, never bodies. `favorites`
 * is the caller's own stars and needs a signed-in caller (401).
 */
export async function galleryPage({
  db,
  catalog,
  query,
  viewerId,
}: {
  db: Db;
  catalog: Catalog;
  query: GalleryQuery;
  viewerId: string | null;
}) {
  if (query.favorites && !viewerId) throw new AppError("unauthorized", "Sign in to list your favourites.");
  const stats = await catalogStats({ db });
  const favorites = await favoriteSet({ db, userId: viewerId });
  const result = queryCatalog(catalog, query, { stats, favorites });
  return {
    items: result.items.map((p) => ({ ...toSummary(p), stats: publicStats(statsOf(stats, p.id)) })),
    total: result.total,
    page: result.page,
    pageSize: result.pageSize,
    pageCount: result.pageCount,
    sort: result.sort,
    categoryCounts: result.categoryCounts,
  };
}
