/**
 * First-load JavaScript per page kind, gzipped, measured from what a built server sends: every
 * `<script src>` of the page's HTML, fetched and gzipped at level 9 (what a CDN would serve).
 * Usage: tsx bench/js-size.ts <origin>   (a running `next start`)
 */
import zlib from "node:zlib";

export type JsSize = { page: string; path: string; scripts: number; gzipKB: number; rawKB: number };

const PAGES = [
  { page: "gallery", path: "/" },
  { page: "persona page", path: "/personas/backend-developer" },
  { page: "chat", path: "/chat?persona=backend-developer" },
];

export async function measureJs(origin: string, pages = PAGES): Promise<JsSize[]> {
  const sizes = new Map<string, { raw: number; gzip: number }>();
  const sizeOf = async (src: string) => {
    const cached = sizes.get(src);
    if (cached) return cached;
    const body = Buffer.from(await (await fetch(new URL(src, origin))).arrayBuffer());
    const size = { raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length };
    sizes.set(src, size);
    return size;
  };
  const results: JsSize[] = [];
  for (const { page, path } of pages) {
    const html = await (await fetch(new URL(path, origin))).text();
    // Browsers that run modules skip `noModule` scripts (the legacy polyfills): not part of their load.
    const tags = [...html.matchAll(/<script\b[^>]*>/g)]
      .map((m) => m[0])
      .filter((t) => !/\bnoModule\b/i.test(t));
    const srcs = [
      ...new Set(tags.map((t) => /\bsrc="([^"]+)"/.exec(t)?.[1]).filter((s): s is string => Boolean(s))),
    ];
    let raw = 0;
    let gzip = 0;
    for (const src of srcs) {
      const size = await sizeOf(src.replace(/&amp;/g, "&"));
      raw += size.raw;
      gzip += size.gzip;
    }
    results.push({
      page,
      path,
      scripts: srcs.length,
      gzipKB: +(gzip / 1024).toFixed(1),
      rawKB: +(raw / 1024).toFixed(1),
    });
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const origin = process.argv[2] ?? "http://127.0.0.1:3000";
  for (const r of await measureJs(origin))
    console.log(
      `${r.page.padEnd(14)} ${String(r.gzipKB).padStart(7)} KB gzip  (${r.scripts} scripts, ${r.rawKB} KB raw)  ${r.path}`,
    );
}
