import type http from "node:http";

/**
 * The page cache's key for a request, made from the URL as a WHATWG parser reads it against a fixed
 * origin. The key is itself the URL the cache renders (lib/http/page-serve.ts asks the app for
 * exactly this path and query), so what is stored under a key is always that key's page, however
 * odd the request line was (`??`, a raw `#`, encodings). Parameters the page does not read are left
 * out of the key (see `understood`).
 */
const BASE = "http://page-cache.invalid";
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/;
const MAX_KEY_LENGTH = 1024;

/**
 * The cacheable pages and the query parameters each reads; every other parameter changes nothing
 * on the page. The gallery (app/page.tsx) reads its filters through lib/personas/gallery-params.ts
 * (`pageSize` is the API's alone); a persona page (app/personas/[id]/page.tsx) reads the review
 * list's `reviews` and `reviewPage`; pricing and the card image read none. page-key.test.ts checks
 * these lists against the pages.
 */
export const PAGE_PARAMETERS: readonly { path: RegExp; reads: readonly string[] }[] = [
  { path: /^\/$/, reads: ["q", "category", "tag", "tier", "favorites", "sort", "page"] },
  { path: /^\/personas\/[a-z0-9][a-z0-9-]{0,79}$/, reads: ["reviewPage", "reviews"] },
  { path: /^\/personas\/[a-z0-9][a-z0-9-]{0,79}\/opengraph-image$/, reads: [] },
  { path: /^\/pricing$/, reads: [] },
];

/**
 * A parameter a page does not read gets the page without it, from the same entry, rather than a
 * redirect: the page Next renders for `/?utm_source=x` is byte for byte the page for `/` (nothing
 * reads the parameter), so serving it costs the visitor no extra round trip on every ad or feed
 * link, keeps the address they arrived at (and its tracking for whoever reads it in the browser),
 * and cannot loop. Tracking parameters are the common case and need no list of their own here: no
 * page reads them, so they are dropped like any other unknown one.
 */
function understood(pathname: string): readonly string[] | null {
  return PAGE_PARAMETERS.find((p) => p.path.test(pathname))?.reads ?? null;
}

/** The cache key of a request this cache may answer (a path and sorted query), or null. */
export function pageCacheKey(req: Pick<http.IncomingMessage, "method" | "url" | "headers">): string | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const h = req.headers;
  if (h.rsc || h["next-router-state-tree"] || h["next-router-prefetch"] || h["next-action"]) return null;
  if (typeof h.cookie === "string" && SESSION_COOKIE.test(h.cookie)) return null;
  const raw = req.url ?? "/";
  if (raw.length > MAX_KEY_LENGTH || !raw.startsWith("/") || raw.startsWith("//")) return null;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return null;
  }
  // A backslash, a dot segment or an encoded letter in the path: the path the parser reads is not
  // the one written, so it is left to the app rather than keyed under another.
  if (url.origin !== BASE || url.pathname !== raw.split(/[?#]/, 1)[0]) return null;
  const reads = understood(url.pathname);
  if (!reads) return null;
  if (url.searchParams.has("_rsc")) return null;
  const kept = new URLSearchParams([...url.searchParams].filter(([name]) => reads.includes(name)));
  kept.sort();
  const search = kept.toString();
  const key = search ? `${url.pathname}?${search}` : url.pathname;
  return key.length > MAX_KEY_LENGTH ? null : key;
}

/** Whether a key is one of the catalog's own pages (no query) rather than a search or filter. */
export function isCatalogKey(key: string): boolean {
  return !key.includes("?");
}
