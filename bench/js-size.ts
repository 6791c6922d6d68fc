/**
 * First-load JavaScript per page kind, gzipped, measured from what a built server sends: every
 * `<script src>` and script preload of the page's HTML, fetched and gzipped at level 9 (what a CDN
 * would serve). Given the build's folder, it also says how much of it is Next.js and React's own
 * runtime (the build manifest's root main files), which no page can leave out.
 * Usage: tsx bench/js-size.ts <origin> [persona id] [app folder]   (a running `next start`; the
 * persona must exist and the server must have a chat provider configured, or the chat page has no chat)
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

export type JsSize = {
  page: string;
  /** "visitor" (a cached page, served without Next's runtime) or "signed-in" (the hydrated app). */
  viewer: "visitor" | "signed-in";
  path: string;
  scripts: number;
  gzipKB: number;
  rawKB: number;
  /** Of gzipKB, Next.js and React's runtime (null when the build's folder is not known). */
  frameworkKB: number | null;
  budgetKB: number;
};

/** The issue's budgets, gzipped KB of first-load JavaScript. */
export const JS_BUDGETS_KB = { gallery: 100, "persona page": 100, chat: 200 } as const;

export const jsPages = (personaId: string) => [
  { page: "gallery" as const, path: "/" },
  { page: "persona page" as const, path: `/personas/${personaId}` },
  { page: "chat" as const, path: `/chat?persona=${personaId}` },
];

/** The scripts a page makes the browser fetch as it loads (modules only: `noModule` polyfills are skipped by them). */
export function firstLoadScripts(html: string): string[] {
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((t) => !/\bnoModule\b/i.test(t))
    .map((t) => /\bsrc="([^"]+)"/.exec(t)?.[1]);
  const preloads = [...html.matchAll(/<link\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((t) => /\brel="modulepreload"/.test(t) || (/\brel="preload"/.test(t) && /\bas="script"/.test(t)))
    .map((t) => /\bhref="([^"]+)"/.exec(t)?.[1]);
  return [
    ...new Set(
      [...scripts, ...preloads].filter((s): s is string => Boolean(s)).map((s) => s.replace(/&amp;/g, "&")),
    ),
  ];
}

/** Next.js and React's runtime chunks of a build, as paths under `/_next/`. */
export function frameworkChunks(appDir: string): Set<string> | null {
  const file = path.join(appDir, ".next", "build-manifest.json");
  if (!fs.existsSync(file)) return null;
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { rootMainFiles?: string[] };
  return new Set((manifest.rootMainFiles ?? []).map((f) => `/_next/${f}`));
}

export async function measureJs(
  origin: string,
  {
    personaId = "backend-developer",
    appDir,
    cookie,
  }: {
    personaId?: string;
    appDir?: string;
    /** A session cookie: measure what a signed-in viewer loads. */ cookie?: string;
  } = {},
): Promise<JsSize[]> {
  const framework = appDir ? frameworkChunks(appDir) : null;
  const sizes = new Map<string, { raw: number; gzip: number }>();
  const sizeOf = async (src: string) => {
    const cached = sizes.get(src);
    if (cached) return cached;
    const res = await fetch(new URL(src, origin));
    if (!res.ok) throw new Error(`GET ${src} answered ${res.status}`);
    const body = Buffer.from(await res.arrayBuffer());
    const size = { raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length };
    sizes.set(src, size);
    return size;
  };
  const results: JsSize[] = [];
  for (const { page, path: pagePath } of jsPages(personaId)) {
    const res = await fetch(new URL(pagePath, origin), { headers: cookie ? { cookie } : {} });
    if (!res.ok) throw new Error(`GET ${pagePath} answered ${res.status}`);
    const srcs = firstLoadScripts(await res.text());
    let raw = 0;
    let gzip = 0;
    let frameworkGzip = 0;
    for (const src of srcs) {
      const size = await sizeOf(src);
      raw += size.raw;
      gzip += size.gzip;
      if (framework?.has(new URL(src, origin).pathname)) frameworkGzip += size.gzip;
    }
    results.push({
      page,
      viewer: cookie ? "signed-in" : "visitor",
      path: pagePath,
      scripts: srcs.length,
      gzipKB: kb(gzip),
      rawKB: kb(raw),
      frameworkKB: framework ? kb(frameworkGzip) : null,
      budgetKB: JS_BUDGETS_KB[page],
    });
  }
  return results;
}

const kb = (bytes: number) => +(bytes / 1024).toFixed(1);

export function formatJsSize(r: JsSize): string {
  const verdict = r.gzipKB <= r.budgetKB ? "within" : `OVER by ${(r.gzipKB - r.budgetKB).toFixed(1)} KB`;
  const split =
    r.frameworkKB === null
      ? ""
      : `; Next.js + React runtime ${r.frameworkKB} KB, page chunks ${(r.gzipKB - r.frameworkKB).toFixed(1)} KB`;
  return `${`${r.page}, ${r.viewer}`.padEnd(24)} ${String(r.gzipKB).padStart(6)} KB gzip of budget ${r.budgetKB} KB: ${verdict}  (${r.scripts} scripts, ${r.rawKB} KB raw${split})  ${r.path}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [origin = "http://127.0.0.1:3000", personaId, appDir = "."] = process.argv.slice(2);
  for (const r of await measureJs(origin, { personaId, appDir })) console.log(formatJsSize(r));
}
