import http from "node:http";
import { env } from "@/lib/env";
import { contentSecurityPolicy, HSTS, newNonce } from "./csp";
import { pageCacheKey } from "./page-key";
import { FILL_HEADER, servePage, type PageCacheSettings } from "./page-serve";
import { peerToken, stampPeer } from "./peer-header";
import { stampRequest } from "./request-log";

const INSTALLED = Symbol.for("persona-market.server-hook");

/**
 * Every HTTP request the server takes passes here before Next sees it: the peer address and a
 * request id are stamped; a visitor's request for a cacheable page is answered from the page cache
 * (lib/http/page-serve.ts); every other request gets a fresh CSP nonce, which Next reads from the
 * request's own CSP header and puts on the scripts it renders.
 */
export function installServerHook() {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: boolean };
  if (proto[INSTALLED]) return;
  const token = peerToken();
  const settings = (): PageCacheSettings => {
    const e = env();
    return {
      ttlSeconds: e.pageCacheSeconds,
      https: e.siteUrl.startsWith("https://"),
      development: e.development,
      maxBytes: 64 * 1024 * 1024,
      fillHost: new URL(e.siteUrl).host,
      lean: e.leanVisitorPages,
    };
  };
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    const forward = () => emit.apply(this, [event, ...args] as unknown as Parameters<typeof emit>);
    if (event !== "request") return forward();
    const req = args[0] as http.IncomingMessage;
    const res = args[1] as http.ServerResponse;
    const internal = req.headers[FILL_HEADER] === token;
    delete req.headers[FILL_HEADER];
    stampPeer(req);
    stampRequest(req, res, { internal });
    if (internal) return forward();

    const s = settings();
    const key = s.ttlSeconds > 0 && !s.development ? pageCacheKey(req) : null;
    if (key) {
      servePage(this, req, res, key, token, s, () => withNonce(req, res, s, forward));
      return true;
    }
    return withNonce(req, res, s, forward);
  } as typeof emit;
  proto[INSTALLED] = true;
}

function withNonce(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  s: PageCacheSettings,
  next: () => boolean,
) {
  const policy = contentSecurityPolicy({ nonce: newNonce(), https: s.https, development: s.development });
  req.headers["content-security-policy"] = policy;
  res.setHeader("Content-Security-Policy", policy);
  if (s.https) res.setHeader("Strict-Transport-Security", HSTS);
  return next();
}
