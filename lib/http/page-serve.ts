import http from "node:http";
import type { AddressInfo } from "node:net";
import { log } from "@/lib/log";
import { contentSecurityPolicy, HSTS } from "./csp";
import { acceptsGzip } from "./accept-encoding";
import { freshness, PageStore, storedPage, type StoredPage } from "./page-cache";

/** Marks the server's own request that renders a page for the cache; the value is a per-process secret. */
export const FILL_HEADER = "x-persona-page-fill";

export type PageCacheSettings = {
  ttlSeconds: number;
  https: boolean;
  development: boolean;
  /** Bytes for every stored page, searches included (lib/http/page-cache.ts `PageStore`). */
  maxBytes: number;
  /** The Host the cache renders with (the site's own), never the one a visitor sent. */
  fillHost: string;
  /** Serve visitors the page without Next's client runtime (lib/http/lean-page.ts). */
  lean: boolean;
};

const globalForPages = globalThis as unknown as {
  personaPages?: { store: PageStore; rendering: Map<string, Promise<StoredPage | null>>; generation: number };
};

function state(maxBytes: number) {
  return (globalForPages.personaPages ??= {
    store: new PageStore(maxBytes),
    rendering: new Map(),
    generation: 0,
  });
}

/**
 * Forgets every stored page (the catalog changed: lib/creators/catalog-refresh.ts). A render that
 * started before is served to whoever waits for it but not stored.
 */
export function clearPageCache() {
  const pages = globalForPages.personaPages;
  if (!pages) return;
  pages.generation++;
  pages.store.clear();
  pages.rendering.clear();
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

/**
 * Renders the page at `key` (a path and query: lib/http/page-key.ts) through the server itself, as
 * a visitor with no cookies would get it. The request asks for the key itself, not the visitor's
 * request line, and with the site's own host: what is stored under a key is that key's page,
 * whatever the visitor sent.
 */
function render(
  server: http.Server,
  key: string,
  token: string,
  settings: PageCacheSettings,
): Promise<StoredPage | null> {
  const address = server.address();
  if (!address) return Promise.resolve(null);
  const target =
    typeof address === "string"
      ? { socketPath: address }
      : { host: loopbackFor(address), port: address.port };
  return new Promise((resolve) => {
    const fill = http.request(
      {
        ...target,
        agent,
        method: "GET",
        path: key,
        headers: {
          host: settings.fillHost,
          "accept-encoding": "identity",
          [FILL_HEADER]: token,
        },
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve(
            storedPage(res.statusCode ?? 500, res.headers, Buffer.concat(chunks), Date.now(), {
              lean: settings.lean,
            }),
          ),
        );
        res.on("error", () => resolve(null));
      },
    );
    fill.on("timeout", () => fill.destroy(new Error("page render timed out")));
    fill.on("error", (error) => {
      log.warn({ event: "page_cache.render_failed", err: error.message }, "page render for the cache failed");
      resolve(null);
    });
    fill.end();
  });
}

function loopbackFor(address: AddressInfo): string {
  return address.address === "::" || address.address === "0.0.0.0" ? "127.0.0.1" : address.address;
}

function send(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  page: StoredPage,
  settings: PageCacheSettings,
  hit: string,
) {
  res.statusCode = page.status;
  for (const [name, value] of Object.entries(page.headers)) res.setHeader(name, value);
  if (page.scriptHashes) {
    res.setHeader(
      "Content-Security-Policy",
      contentSecurityPolicy({
        scriptHashes: page.scriptHashes,
        https: settings.https,
        development: settings.development,
      }),
    );
  }
  if (settings.https) res.setHeader("Strict-Transport-Security", HSTS);
  res.setHeader("X-Page-Cache", hit);
  if (!page.storable) {
    res.setHeader("Cache-Control", "private, no-cache, no-store, max-age=0, must-revalidate");
    res.setHeader("Content-Length", page.body.length);
    return res.end(req.method === "HEAD" ? undefined : page.body);
  }
  const ttl = settings.ttlSeconds;
  res.setHeader("Cache-Control", `public, max-age=0, s-maxage=${ttl}, stale-while-revalidate=${ttl * 10}`);
  res.setHeader("Vary", page.vary);
  res.setHeader("Age", Math.max(0, Math.floor((Date.now() - page.storedAt) / 1000)));
  const gzip = page.gzip && acceptsGzip(req) ? page.gzip : null;
  // The gzip body is a representation of its own, with its own strong ETag (RFC 9110 8.8.3).
  const etag = gzip ? `${page.etag.slice(0, -1)}-gzip"` : page.etag;
  res.setHeader("ETag", etag);
  if (noneMatch(req.headers["if-none-match"], etag)) {
    res.statusCode = 304;
    return res.end();
  }
  if (gzip) res.setHeader("Content-Encoding", "gzip");
  const body = gzip ?? page.body;
  res.setHeader("Content-Length", body.length);
  res.end(req.method === "HEAD" ? undefined : body);
}

/** Whether If-None-Match names `etag`: `*`, or a list compared weakly (RFC 9110 13.1.2). */
function noneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

/**
 * Answers a visitor's request for a cacheable page from memory, rendering it first when it is not
 * there. `passThrough` hands the request to Next as usual (used when rendering fails).
 */
export function servePage(
  server: http.Server,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  key: string,
  token: string,
  settings: PageCacheSettings,
  passThrough: () => void,
) {
  const pages = state(settings.maxBytes);
  const { store, rendering } = pages;
  const renderOnce = () => {
    let pending = rendering.get(key);
    if (!pending) {
      const generation = pages.generation;
      pending = render(server, key, token, settings).then((page) => {
        if (generation !== pages.generation) return page;
        rendering.delete(key);
        if (page?.storable) store.set(key, page);
        return page;
      });
      rendering.set(key, pending);
    }
    return pending;
  };
  const cached = store.get(key);
  const age = cached ? freshness(cached, Date.now(), settings.ttlSeconds) : "expired";
  if (cached && age !== "expired") {
    if (age === "stale") void renderOnce();
    return send(req, res, cached, settings, age === "fresh" ? "hit" : "stale");
  }
  void renderOnce().then((page: StoredPage | null) =>
    page ? send(req, res, page, settings, "miss") : passThrough(),
  );
}
