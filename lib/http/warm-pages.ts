import "server-only";
import { log } from "@/lib/log";

export type WarmedPage = { path: string; status: number | null; ms: number };

/**
 * Asks the server for `paths` once each, through its own port, as a visitor with no cookies: the
 * route modules load, the stats are summed, and the page cache (lib/http/page-serve.ts) holds the
 * visitor's pages before anyone else asks. Never throws: a page that fails or takes longer than
 * `timeoutMs` is reported with a null status, and the next one is asked all the same.
 */
export async function warmPages({
  origin,
  paths,
  timeoutMs = 10_000,
}: {
  origin: string;
  paths: readonly string[];
  timeoutMs?: number;
}): Promise<WarmedPage[]> {
  const warmed: WarmedPage[] = [];
  for (const path of paths) {
    const started = performance.now();
    let status: number | null = null;
    try {
      const res = await fetch(new URL(path, origin), {
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
      });
      await res.arrayBuffer();
      status = res.status;
    } catch {
      status = null;
    }
    warmed.push({ path, status, ms: Math.round(performance.now() - started) });
  }
  return warmed;
}

/**
 * Runs `ready` once the pages are warm. The instrumentation hook calls this last: Next answers no
 * request until that hook has returned, so the pages are asked for only after it has (a request
 * made inside it would wait for itself). Until then the server already serves; it only says so
 * once its first pages are quick. With no port to ask (`port` undefined), `ready` runs at once.
 */
export function warmThenReady({
  port,
  paths,
  ready,
}: {
  port: number | undefined;
  paths: readonly string[];
  ready: () => void;
}): void {
  if (port === undefined) return ready();
  setImmediate(() => {
    void warmPages({ origin: `http://127.0.0.1:${port}`, paths })
      .then((pages) => {
        const failed = pages.filter((p) => p.status !== 200);
        if (failed.length)
          log.warn({ event: "pages.warm_failed", pages: failed }, "some pages could not be warmed at start");
        else log.info({ event: "pages.warmed", pages }, "pages warmed");
      })
      .finally(ready);
  });
}
