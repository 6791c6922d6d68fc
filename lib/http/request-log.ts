import { randomUUID } from "node:crypto";
import type http from "node:http";
import type { LRUCache } from "lru-cache";
import { lruCache } from "@/lib/cache/lru";
import { log } from "@/lib/log";
import { loggablePath } from "./log-path";

export const REQUEST_ID_HEADER = "x-request-id";

const globalForOpen = globalThis as unknown as { personaOpenRequests?: number };

/** HTTP requests taken and not yet answered in full: a draining server waits for them. */
export function openRequests(): number {
  return globalForOpen.personaOpenRequests ?? 0;
}

/** Who made each request in flight (user id or guest id), noted by the app, read when it ends. */
// Each entry lives from the app's note to the request's end; 100,000 requests in flight is far past
// what one process serves, so an entry that outlives its request (a note after the end) is the one evicted.
const globalForRequests = globalThis as unknown as { personaRequestActors?: LRUCache<string, string> };
const actors = (globalForRequests.personaRequestActors ??= lruCache<string, string>({ max: 100_000 }));

/** Records who a request was for, so its log line can say so. No-op outside a request. */
export function noteRequestActor(requestId: string | null | undefined, actor: string) {
  if (requestId) actors.set(requestId, actor);
}

/**
 * Called for every HTTP request the server takes, before Next sees it: a fresh request id (a
 * client-sent one is replaced, so ids in logs are ours), echoed as `X-Request-Id`, and one JSON log
 * line when the response ends: method, path (no query: it may hold search text), status, duration.
 */
export function stampRequest(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  { internal = false }: { internal?: boolean } = {},
) {
  const id = randomUUID();
  req.headers[REQUEST_ID_HEADER] = id;
  res.setHeader("X-Request-Id", id);
  const started = process.hrtime.bigint();
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  globalForOpen.personaOpenRequests = openRequests() + 1;
  const done = (aborted: boolean) => {
    globalForOpen.personaOpenRequests = openRequests() - 1;
    const actor = actors.get(id);
    actors.delete(id);
    const fields = {
      requestId: id,
      method: req.method,
      path: loggablePath(path),
      status: res.statusCode,
      durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
      actor: actor ?? "visitor",
      ...(aborted && { aborted: true }),
    };
    // The server's own renders for the page cache are not requests anyone made.
    if (internal || path.startsWith("/_next/static/")) log.debug(fields, "request");
    else log.info(fields, "request");
  };
  let logged = false;
  res.once("finish", () => !logged && ((logged = true), done(false)));
  res.once("close", () => !logged && ((logged = true), done(!res.writableFinished)));
}
