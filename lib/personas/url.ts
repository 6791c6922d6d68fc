import type { GalleryQuery } from "./query";

type UrlState = Omit<GalleryQuery, "pageSize">;

/** The gallery URL for a state; defaults (page 1, the default sort) stay out of the URL. */
export function galleryHref(state: UrlState, changes: Partial<UrlState> = {}): string {
  const next = { ...state, ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.category) params.set("category", next.category);
  if (next.tag) params.set("tag", next.tag);
  if (next.tier) params.set("tier", next.tier);
  if (next.favorites) params.set("favorites", next.favorites);
  if (next.sort) params.set("sort", next.sort);
  if (next.page && next.page > 1) params.set("page", String(next.page));
  const qs = params.toString();
  return qs ? `/?${qs}` : "/";
}
