import type { CatalogLoadResult, Stage } from "./catalog";
import type { JsSize } from "./js-size";
import type { LoadResult } from "./load";
import type { StartLog } from "./server";
import type { SearchResult } from "./search";
import type { QualityResult } from "./search-quality";
import type { SeedResult } from "./viewer";

export type TargetCheck = { name: string; measured: string; goal: string; pass: boolean };

/** One start of the server: spawn → its `server.ready` line → the first pages a visitor asks for. */
export type StartTiming = {
  toReadyLineMs: number | null;
  /** Spawn → the first 200 on `/`. */
  toFirstPageMs: number;
  /** Each page asked once after the ready line, in order, `/` first. */
  firstPages: { path: string; ms: number }[];
  /** From the server's log, before its ready line: the catalog load and the warm-up of each page. */
  startLog: StartLog;
};

export type HttpResults = {
  buildMs: number;
  /** First `/` after the first start (the catalog built from the files). */
  coldStartMs: number;
  /** First `/` after a restart with the same files (the catalog from the cache). */
  restartMs: number;
  coldStart: StartTiming;
  restart: StartTiming;
  pages: (LoadResult & { ratioToStatic: number })[];
  /** The same pages with a signed-in viewer's session cookie (rendered for them on every request). */
  signedIn: (LoadResult & { ratioToStatic: number; ratioToVisitor: number })[];
  /** `/` rendered per request for a visitor (a cookie naming no session): the render without a viewer. */
  rendered: LoadResult & { ratioToStatic: number };
  static: LoadResult;
  /** What the database held during the HTTP runs (bench/seed-db.ts). */
  seed: SeedResult;
  /** `/` for a visitor with each catalog size (empty when BENCH_GROWTH_HTTP=0). */
  galleryBySize: { personas: number; reqPerSec: number; p50Ms: number; firstPageMs: number }[];
  /** First-load JavaScript, gzipped, per page kind. */
  js: JsSize[];
};

/** One catalog size: load by both paths, heap, search. */
export type GrowthRow = {
  personas: number;
  files: CatalogLoadResult;
  changed: CatalogLoadResult;
  cache: CatalogLoadResult;
  search: SearchResult;
};

export type BenchResults = {
  generatedAt: string;
  environment: {
    node: string;
    platform: string;
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    /** 1-minute load average at the start and the end: other work on the machine skews every figure. */
    loadAverage: { start: number; end: number };
  };
  settings: { durationSeconds: number; connections: number; http: boolean; sizes: number[] };
  growth: GrowthRow[];
  /** Top-3 accuracy of the search on bench/data/search-questions.yaml over content/personas. */
  searchQuality: Omit<QualityResult, "seenMisses">;
  loadBreakdown: Stage[];
  http: HttpResults | { skipped: string };
  targets: TargetCheck[];
};

const n = (v: number, digits = 0) =>
  v.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ms = (v: number) => (v < 10 ? `${n(v, 3)} ms` : `${n(v, 0)} ms`);
const table = (head: string[], rows: string[][]) =>
  [
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");

const PATH_NAMES = {
  cache: "restart, same files (from the cache)",
  changed: "restart after one file changed (the rest from the cache)",
  files: "files new to the cache (parse all, index, write the cache)",
} as const;

export function checkTargets(r: Omit<BenchResults, "targets">): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const at = (personas: number) => r.growth.find((g) => g.personas === personas);
  for (const [personas, goal] of [
    [5000, 1000],
    [10_000, 2000],
  ] as const) {
    const row = at(personas);
    if (!row) continue;
    for (const load of [row.cache, row.changed, row.files]) {
      checks.push({
        name: `Catalog load at ${n(personas)}, ${PATH_NAMES[load.path]}: fresh process (warm median of ${load.runsMs.length})`,
        measured: `${ms(load.coldMs)} (CPU ${ms(load.coldCpuMs)}; warm ${ms(load.medianMs)})`,
        goal: `≤ ${n(goal)} ms`,
        pass: load.coldMs <= goal,
      });
    }
  }
  const row5k = at(5000);
  if (row5k) {
    const heap = Math.max(
      row5k.cache.retainedHeapMb,
      row5k.changed.retainedHeapMb,
      row5k.files.retainedHeapMb,
    );
    checks.push({
      name: "Heap held by the catalog at 5,000 (the largest of the three paths)",
      measured: `${n(heap, 1)} MB`,
      goal: "≤ 40 MB",
      pass: heap <= 40,
    });
  }
  const pct = (s: { hits: number; total: number; share: number }) =>
    `${n(100 * s.share, 1)}% (${s.hits}/${s.total})`;
  checks.push(
    {
      name: "Search: a fitting persona in the top 3, seen questions",
      measured: pct(r.searchQuality.seen),
      goal: "≥ 90%",
      pass: r.searchQuality.seen.share >= 0.9,
    },
    {
      name: "Search: a fitting persona in the top 3, held-out questions",
      measured: pct(r.searchQuality.heldOut),
      goal: "≥ 90%",
      pass: r.searchQuality.heldOut.share >= 0.9,
    },
  );
  const row10k = at(10_000);
  if (row10k) {
    checks.push(
      {
        name: "Search p50 at 10,000 (SearchIndex.search)",
        measured: ms(row10k.search.index.p50Ms),
        goal: "≤ 1 ms",
        pass: row10k.search.index.p50Ms <= 1,
      },
      {
        name: "Search p99 at 10,000 (SearchIndex.search)",
        measured: ms(row10k.search.index.p99Ms),
        goal: "≤ 5 ms",
        pass: row10k.search.index.p99Ms <= 5,
      },
      {
        name: "Search p50 at 10,000 (queryCatalog, what the page runs)",
        measured: ms(row10k.search.query.p50Ms),
        goal: "≤ 1 ms",
        pass: row10k.search.query.p50Ms <= 1,
      },
    );
  }
  if ("pages" in r.http) {
    for (const p of r.http.pages) {
      const goal = p.path.includes("?") ? 0.3 : 0.5;
      checks.push({
        name: `\`${p.path}\` req/s vs static, visitor`,
        measured: `${n(p.ratioToStatic, 2)}×`,
        goal: `≥ ${goal}×`,
        pass: p.ratioToStatic >= goal,
      });
    }
    for (const [label, t] of [
      ["first start, catalog from the files", r.http.coldStart],
      ["restart, catalog from the cache", r.http.restart],
    ] as const) {
      const first = t.firstPages[0]!;
      checks.push({
        name: `First \`/\` after the server's ready line at 5,000 (${label})`,
        measured: `${ms(first.ms)} (start → ready line ${t.toReadyLineMs === null ? "none" : ms(t.toReadyLineMs)})`,
        goal: "≤ 1,000 ms",
        pass: first.ms <= 1000,
      });
    }
    // The budgets are for what a visitor loads; a signed-in viewer's figures are in the report's table.
    for (const j of r.http.js.filter((j) => j.viewer === "visitor")) {
      checks.push({
        name: `First-load JavaScript, ${j.page} (\`${j.path}\`), ${j.viewer}, gzipped`,
        measured:
          `${n(j.gzipKB, 1)} KB` +
          (j.frameworkKB === null ? "" : ` (${n(j.frameworkKB, 1)} KB Next.js + React runtime)`),
        goal: `≤ ${j.budgetKB} KB`,
        pass: j.gzipKB <= j.budgetKB,
      });
    }
  }
  return checks;
}

export function renderReport(r: BenchResults): string {
  const e = r.environment;
  const out: string[] = [
    `# Persona Market benchmark`,
    `${r.generatedAt} · Node ${e.node} · ${e.platform} · ${e.cpus} CPU (${e.cpuModel}) · ${n(e.memoryGb, 0)} GB RAM · autocannon ${r.settings.connections} connections × ${r.settings.durationSeconds} s`,
    ...(Math.max(e.loadAverage.start, e.loadAverage.end) > e.cpus / 2
      ? [
          `> Note: the machine was busy (1-min load average ${n(e.loadAverage.start, 1)} at start, ${n(e.loadAverage.end, 1)} at end, on ${e.cpus} CPUs); figures are pessimistic and noisy.`,
        ]
      : []),
    "## Targets",
    table(
      ["Target", "Measured", "Goal", "Result"],
      r.targets.map((t) => [t.name, t.measured, t.goal, t.pass ? "PASS" : "**MISS**"]),
    ),
  ];
  const gallery = "pages" in r.http ? r.http.galleryBySize : [];
  out.push(
    "## Growth with the catalog",
    "Catalog load: the first in a fresh process (what a server pays on its first request) and the median of warm runs in one process. " +
      "All files: content the cache has not seen, or new code (parse all, check, index, write the cache). " +
      "One changed: a restart after one persona file changed (that file parsed, the others from the cache, all checked and indexed again). " +
      "Cache: a restart with the same files. Heap: what the catalog keeps alive after a full GC, in that fresh process (the largest of the three). " +
      "Search: the benchmark's queries × 20 rounds." +
      (gallery.length
        ? " Gallery: `/` for a visitor, a fresh server per size, first page after start in brackets."
        : ""),
    table(
      [
        "Personas",
        "Load, all files (fresh / warm)",
        "Load, one changed (fresh / warm)",
        "Load, cache (fresh / warm)",
        "Heap",
        "SearchIndex.search p50 / p99 (CPU p99)",
        "queryCatalog p50 / p99",
        ...(gallery.length ? ["Gallery req/s (first page)"] : []),
      ],
      r.growth.map((g) => {
        const web = gallery.find((x) => x.personas === g.personas);
        return [
          n(g.personas),
          `${ms(g.files.coldMs)} / ${ms(g.files.medianMs)}`,
          `${ms(g.changed.coldMs)} / ${ms(g.changed.medianMs)}`,
          `${ms(g.cache.coldMs)} / ${ms(g.cache.medianMs)}`,
          `${n(Math.max(g.files.retainedHeapMb, g.changed.retainedHeapMb, g.cache.retainedHeapMb), 1)} MB`,
          `${ms(g.search.index.p50Ms)} / ${ms(g.search.index.p99Ms)} (${ms(g.search.index.cpuP99Ms)})`,
          `${ms(g.search.query.p50Ms)} / ${ms(g.search.query.p99Ms)}`,
          ...(gallery.length ? [web ? `${n(web.reqPerSec)} (${ms(web.firstPageMs)})` : "—"] : []),
        ];
      }),
    ),
  );
  const row5k = r.growth.find((g) => g.personas === 5000);
  if (row5k) {
    out.push(
      "## Catalog load at 5,000 personas (loadCatalogDir)",
      table(
        [
          "Path",
          "Fresh process",
          "Warm runs",
          "Median (warm)",
          "Median CPU",
          "Heap retained",
          "Heap used after",
        ],
        [row5k.files, row5k.changed, row5k.cache].map((l) => [
          PATH_NAMES[l.path],
          `${ms(l.coldMs)} (CPU ${ms(l.coldCpuMs)})`,
          l.runsMs.map((v) => n(v)).join(", ") + " ms",
          ms(l.medianMs),
          ms(l.medianCpuMs),
          `${n(l.retainedHeapMb, 1)} MB`,
          `${n(l.heapUsedMb, 1)} MB`,
        ]),
      ),
    );
  }
  const wholeCpu = (path: string) =>
    r.loadBreakdown.filter((s) => s.path === path && s.whole).reduce((a, s) => a + s.cpuMs, 0);
  out.push(
    "## Where catalog load time goes (5,000 personas, each step replayed alone, median of 3)",
    "From the files, `load ›` steps make up loadPersonaDir and `build ›` steps buildCatalog; from the cache, the steps of a restart. " +
      "The share is of the CPU time of the whole path.",
    table(
      ["Path", "Step", "Wall time", "CPU time", "Share (CPU)"],
      r.loadBreakdown.map((s) => [
        s.path,
        s.stage,
        ms(s.ms),
        ms(s.cpuMs),
        `${n((100 * s.cpuMs) / wholeCpu(s.path), 0)}%`,
      ]),
    ),
  );
  const searched = r.growth.map((g) => g.search);
  out.push(
    `## In-process search (${searched[0]?.queries ?? 0} queries × 20 rounds)`,
    table(
      ["Personas", "Function", "p50", "p99", "mean", "mean matches"],
      searched.flatMap((s) => [
        [
          n(s.personas),
          "SearchIndex.search",
          ms(s.index.p50Ms),
          ms(s.index.p99Ms),
          ms(s.index.meanMs),
          n(s.meanMatches),
        ],
        [n(s.personas), "queryCatalog({ q })", ms(s.query.p50Ms), ms(s.query.p99Ms), ms(s.query.meanMs), ""],
      ]),
    ),
    "Slowest queries (median SearchIndex.search time):",
    table(
      ["Personas", "Query", "p50", "matches"],
      searched.flatMap((s) => s.slowest.map((q) => [n(s.personas), `\`${q.q}\``, ms(q.p50Ms), n(q.matches)])),
    ),
  );
  if ("skipped" in r.http) {
    out.push("## HTTP", `Skipped: ${r.http.skipped}`);
  } else {
    const h = r.http;
    const row = (p: LoadResult, viewer: string, ratio: string, toVisitor: string) => [
      `\`${p.path}\``,
      viewer,
      n(p.reqPerSec, 0),
      ms(p.p50Ms),
      ms(p.p99Ms),
      ratio,
      toVisitor,
      n(p.requests),
      String(p.non2xx),
      String(p.errors),
      n(p.bytesPerResponse / 1024, 1),
    ];
    const s = h.seed;
    out.push(
      `## HTTP (next start, 5,000 personas; build ${n(h.buildMs / 1000, 0)} s)`,
      `Marketplace stats on: the database holds ${n(s.usageRows)} rows of daily usage (${s.usageDays} days, skewed over the catalog), ` +
        `${n(s.favorites)} stars and ${n(s.reviews)} reviews from ${n(s.communityUsers)} accounts (bench/seed-db.ts), so every page sums and ranks real stats. ` +
        "Signed in: a session from the real credentials endpoint (POST /api/auth/callback/credentials), a free-tier viewer with 8 stars; " +
        "checked to get their own private page, never the page cache.",
      table(
        [
          "Route",
          "Viewer",
          "req/s",
          "p50",
          "p99",
          "× static",
          "× visitor",
          "requests",
          "non-2xx",
          "errors",
          "KB/resp",
        ],
        [
          ...h.pages.flatMap((p, i) => {
            const signed = h.signedIn[i]!;
            return [
              row(p, "visitor", `${n(p.ratioToStatic, 2)}×`, "1.00×"),
              row(signed, "signed in", `${n(signed.ratioToStatic, 2)}×`, `${n(signed.ratioToVisitor, 3)}×`),
            ];
          }),
          row(
            h.rendered,
            "visitor, rendered per request (cookie naming no session)",
            `${n(h.rendered.ratioToStatic, 2)}×`,
            `${n(h.rendered.reqPerSec / h.pages[0]!.reqPerSec, 3)}×`,
          ),
          row(h.static, "static file", "1.00×", ""),
        ],
      ),
      "### First-load JavaScript (gzipped, from the built pages)",
      "Every `<script src>` and script preload of the page's HTML, fetched and gzipped at level 9 (bench/js-size.ts). " +
        "A visitor gets the cached page, served without Next.js and React's client runtime (lib/http/lean-page.ts); " +
        "a signed-in viewer gets the hydrated app.",
      table(
        ["Page", "Viewer", "KB gzip", "Next.js + React runtime", "Page chunks", "Scripts", "Budget"],
        h.js.map((j) => [
          `${j.page} (\`${j.path}\`)`,
          j.viewer,
          n(j.gzipKB, 1),
          j.frameworkKB === null ? "?" : n(j.frameworkKB, 1),
          j.frameworkKB === null ? "?" : n(j.gzipKB - j.frameworkKB, 1),
          String(j.scripts),
          `${j.budgetKB} KB`,
        ]),
      ),
      "### Start-up (5,000 personas)",
      "Nothing is asked before the server's `server.ready` log line; then `/`, then each other page once, as a visitor. " +
        "Before that line the server loads the catalog and warms `/` and its first featured persona page (lib/http/warm-pages.ts); " +
        "both times are from its log. The rest of spawn → ready line is Node, Next and the database opening.",
      table(
        [
          "Start",
          "Spawn → ready line",
          "of which catalog",
          "of which warm-up",
          "Spawn → first `/`",
          ...h.restart.firstPages.map((p) => `First \`${p.path}\``),
        ],
        [
          ["First start (catalog from the files)", h.coldStart] as const,
          ["Restart (catalog from the cache)", h.restart] as const,
        ].map(([label, t]) => [
          label,
          t.toReadyLineMs === null ? "no ready line" : ms(t.toReadyLineMs),
          t.startLog.catalog ? `${ms(t.startLog.catalog.ms)} (${t.startLog.catalog.source})` : "—",
          t.startLog.warmed.length
            ? t.startLog.warmed
                .map((w) => `${ms(w.ms)}${w.status === 200 ? "" : ` (${w.status ?? "failed"})`}`)
                .join(" + ")
            : "—",
          ms(t.toFirstPageMs),
          ...t.firstPages.map((p) => ms(p.ms)),
        ]),
      ),
    );
  }
  return out.join("\n\n") + "\n";
}
