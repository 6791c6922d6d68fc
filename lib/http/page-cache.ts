import { createHash } from "node:crypto";
import type http from "node:http";
import zlib from "node:zlib";
import { inlineScriptHashes } from "./csp";
import { leanPage } from "./lean-page";

/**
 * Pages that look the same for every visitor (gallery, persona pages, pricing), rendered once and
 * served from memory until they are `ttlSeconds` old, then served stale while one request renders
 * them again. Only requests without a session cookie are answered from here, and only what was
 * rendered for a request without one is stored, so one viewer's state never reaches another.
 */
const CACHEABLE_PATH = /^\/(?:pricing|personas\/[a-z0-9][a-z0-9-]{0,79}(?:\/opengraph-image)?)?$/;
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/;
const MAX_KEY_LENGTH = 1024;
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

/** The cache key of a request this cache may answer, or null. */
export function pageCacheKey(req: Pick<http.IncomingMessage, "method" | "url" | "headers">): string | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const h = req.headers;
  if (h.rsc || h["next-router-state-tree"] || h["next-router-prefetch"] || h["next-action"]) return null;
  if (typeof h.cookie === "string" && SESSION_COOKIE.test(h.cookie)) return null;
  const url = req.url ?? "/";
  if (url.length > MAX_KEY_LENGTH) return null;
  const [pathname = "/", query = ""] = url.split("?", 2);
  if (!CACHEABLE_PATH.test(pathname)) return null;
  const params = new URLSearchParams(query);
  if (params.has("_rsc")) return null;
  params.sort();
  const search = params.toString();
  return search ? `${pathname}?${search}` : pathname;
}

export function acceptsGzip(req: Pick<http.IncomingMessage, "headers">): boolean {
  const value = req.headers["accept-encoding"];
  return typeof value === "string" && /\bgzip\b(?!;q=0(?:\.0*)?\b)/.test(value);
}

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
  const vary = [rawHeaders.vary, "Cookie"].filter(Boolean).join(", ");
  const storable =
    status === 200 &&
    !rawHeaders["set-cookie"] &&
    body.length <= MAX_BODY_BYTES &&
    (html ? scripts!.unknown.length === 0 : type.startsWith("image/"));
  const compressible = html && body.length > 1024;
  return {
    status,
    headers,
    body,
    gzip: storable && compressible ? zlib.gzipSync(body, { level: 6 }) : null,
    etag: `"${createHash("sha1").update(body).digest("base64url")}"`,
    vary,
    scriptHashes: scripts?.hashes ?? null,
    storable,
    storedAt: now,
  };
}

/** A least-recently-used store bounded by total bytes. */
export class PageStore {
  private pages = new Map<string, StoredPage>();
  private bytes = 0;
  constructor(private readonly maxBytes: number) {}

  get(key: string): StoredPage | undefined {
    const page = this.pages.get(key);
    if (page) {
      this.pages.delete(key);
      this.pages.set(key, page);
    }
    return page;
  }

  set(key: string, page: StoredPage) {
    this.delete(key);
    const size = sizeOf(key, page);
    if (size > this.maxBytes) return;
    this.pages.set(key, page);
    this.bytes += size;
    for (const [oldest, old] of this.pages) {
      if (this.bytes <= this.maxBytes) break;
      this.pages.delete(oldest);
      this.bytes -= sizeOf(oldest, old);
    }
  }

  delete(key: string) {
    const page = this.pages.get(key);
    if (!page) return;
    this.pages.delete(key);
    this.bytes -= sizeOf(key, page);
  }

  clear() {
    this.pages.clear();
    this.bytes = 0;
  }

  get size() {
    return this.pages.size;
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
