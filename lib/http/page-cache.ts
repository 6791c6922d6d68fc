import { createHash } from "node:crypto";
import type http from "node:http";
import zlib from "node:zlib";
import type { LRUCache } from "lru-cache";
import { lruCache } from "@/lib/cache/lru";
import { inlineScriptHashes } from "./csp";
import { leanPage } from "./lean-page";
import { isCatalogKey } from "./page-key";

/**
 * Pages that look the same for every visitor (gallery, persona pages, pricing), rendered once and
 * served from memory until they are `ttlSeconds` old, then served stale while one request renders
 * them again. Which requests may be answered from here, and under which key: lib/http/page-key.ts.
 */
const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** Headers that belong to one response, not to the page. */
const PER_RESPONSE = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
  "date",
  "x-request-id",
  "cache-control",
  "vary",
  "etag",
  "content-security-policy",
  "strict-transport-security",
]);

export type StoredPage = {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  gzip: Buffer | null;
  etag: string;
  vary: string;
  /** Hashes of the page's inline scripts, for its CSP; null for what is not HTML. */
  scriptHashes: string[] | null;
  storable: boolean;
  storedAt: number;
};

/** Turns a rendered response into what the cache keeps and serves. */
export function storedPage(
  status: number,
  rawHeaders: http.IncomingHttpHeaders,
  rendered: Buffer,
  now: number,
  { lean = false }: { lean?: boolean } = {},
): StoredPage {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(rawHeaders)) {
    if (value === undefined || PER_RESPONSE.has(name)) continue;
    headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  const type = headers["content-type"] ?? "";
  const html = type.startsWith("text/html");
  const source = html ? rendered.toString("utf8") : null;
  const leaned = source !== null && lean && status === 200 ? leanPage(source) : null;
  const body = leaned === null ? rendered : Buffer.from(leaned, "utf8");
  const scripts = source !== null ? inlineScriptHashes(leaned ?? source) : null;
  const storable =
    status === 200 &&
    !rawHeaders["set-cookie"] &&
    body.length <= MAX_BODY_BYTES &&
    (html ? scripts!.unknown.length === 0 : type.startsWith("image/"));
  const compressible = html && body.length > 1024;
  const gzip = storable && compressible ? zlib.gzipSync(body, { level: 6 }) : null;
  const vary = varyOn(rawHeaders.vary, ["Cookie", ...(gzip ? ["Accept-Encoding"] : [])]);
  return {
    status,
    headers,
    body,
    gzip,
    etag: `"${createHash("sha1").update(body).digest("base64url")}"`,
    vary,
    scriptHashes: scripts?.hashes ?? null,
    storable,
    storedAt: now,
  };
}

/** The search partition's share of the bytes, and its count. */
export const SEARCH_SHARE = 1 / 4;
export const SEARCH_MAX_PAGES = 1_000;

/**
 * Rendered pages in two partitions, each least-recently-used on its own, so that no run of
 * searches can evict the catalog's pages:
 * - the catalog's pages (a key with no query: `/`, `/pricing`, each persona page and its card
 *   image) share `maxBytes` less the search partition's share. Their number is the catalog's, not
 *   the visitors': a path no persona has is a 404, which is never stored, and parameters no page
 *   reads never reach a key (lib/http/page-key.ts).
 * - searches and filters (a key with a query: any client can make new ones at will) get
 *   `SEARCH_SHARE` of the bytes and at most `SEARCH_MAX_PAGES` pages; past either bound the least
 *   recently used search goes, never a catalog page.
 */
export class PageStore {
  private readonly catalog: LRUCache<string, StoredPage>;
  private readonly searches: LRUCache<string, StoredPage>;
  private readonly searchMaxPages: number;
  constructor(maxBytes: number, { searchShare = SEARCH_SHARE, searchMaxPages = SEARCH_MAX_PAGES } = {}) {
    const searchBytes = Math.floor(maxBytes * searchShare);
    this.catalog = lruCache<string, StoredPage>({
      maxBytes: maxBytes - searchBytes,
      sizeOf: (page, key) => sizeOf(key, page),
    });
    this.searches = lruCache<string, StoredPage>({
      maxBytes: searchBytes,
      sizeOf: (page, key) => sizeOf(key, page),
    });
    this.searchMaxPages = searchMaxPages;
  }

  private partition(key: string) {
    return isCatalogKey(key) ? this.catalog : this.searches;
  }

  get(key: string): StoredPage | undefined {
    return this.partition(key).get(key);
  }

  set(key: string, page: StoredPage) {
    const pages = this.partition(key);
    pages.delete(key);
    pages.set(key, page);
    while (pages === this.searches && pages.size > this.searchMaxPages) pages.pop();
  }

  delete(key: string) {
    this.partition(key).delete(key);
  }

  clear() {
    this.catalog.clear();
    this.searches.clear();
  }

  /** How many pages each partition holds. */
  get size() {
    return { catalog: this.catalog.size, searches: this.searches.size };
  }
}

const sizeOf = (key: string, page: StoredPage) =>
  key.length + page.body.length + (page.gzip?.length ?? 0) + 512;

export type Freshness = "fresh" | "stale" | "expired";

/** Fresh for `ttl`, then served stale (while it renders again) for ten times as long. */
export function freshness(page: StoredPage, now: number, ttlSeconds: number): Freshness {
  const age = (now - page.storedAt) / 1000;
  if (age <= ttlSeconds) return "fresh";
  return age <= ttlSeconds * 11 ? "stale" : "expired";
}

/** `vary` with `names` added, each once (compared without case). */
function varyOn(vary: string | string[] | undefined, names: string[]): string {
  const all = [vary ?? []]
    .flat()
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
  for (const name of names) if (!all.some((v) => v.toLowerCase() === name.toLowerCase())) all.push(name);
  return all.join(", ");
}
