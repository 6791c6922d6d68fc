import type { CatalogLoadResult, Stage } from "./catalog";
import type { LoadResult } from "./load";
import type { SearchResult } from "./search";

export type TargetCheck = { name: string; measured: string; goal: string; pass: boolean };

export type HttpResults = {
  buildMs: number;
  coldStartMs: number;
  pages: (LoadResult & { ratioToStatic: number })[];
  static: LoadResult;
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
  settings: { durationSeconds: number; connections: number; http: boolean };
  catalogLoad: CatalogLoadResult;
  loadBreakdown: Stage[];
  search: SearchResult[];
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

export function checkTargets(r: Omit<BenchResults, "targets">): TargetCheck[] {
  const checks: TargetCheck[] = [
    {
      name: `Catalog load at ${n(r.catalogLoad.personas)} personas (median of ${r.catalogLoad.runsMs.length} warm runs)`,
      measured: `${ms(r.catalogLoad.medianMs)} (CPU ${ms(r.catalogLoad.medianCpuMs)})`,
      goal: "≤ 1,000 ms",
      pass: r.catalogLoad.medianMs <= 1000,
    },
  ];
  const big = r.search.reduce((a, b) => (b.personas > a.personas ? b : a));
  checks.push(
    {
      name: `Search p50 at ${n(big.personas)} (SearchIndex.search)`,
      measured: ms(big.index.p50Ms),
      goal: "≤ 1 ms",
      pass: big.index.p50Ms <= 1,
    },
    {
      name: `Search p50 at ${n(big.personas)} (queryCatalog, what the page runs)`,
      measured: ms(big.query.p50Ms),
      goal: "≤ 1 ms",
      pass: big.query.p50Ms <= 1,
    },
  );
  if ("pages" in r.http) {
    for (const p of r.http.pages) {
      checks.push({
        name: `\`${p.path}\` req/s vs static`,
        measured: `${n(p.ratioToStatic, 2)}×`,
        goal: "≥ 0.5×",
        pass: p.ratioToStatic >= 0.5,
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
    `## Catalog load (${n(r.catalogLoad.personas)} personas: loadPersonaDir + buildCatalog)`,
    table(
      [
        "First (cold) load",
        "Warm runs",
        "Median (warm)",
        "Median CPU time",
        "Heap retained by the catalog",
        "Heap used after",
      ],
      [
        [
          `${ms(r.catalogLoad.coldMs)} (CPU ${ms(r.catalogLoad.coldCpuMs)})`,
          r.catalogLoad.runsMs.map((v) => n(v)).join(", ") + " ms",
          ms(r.catalogLoad.medianMs),
          ms(r.catalogLoad.medianCpuMs),
          `${n(r.catalogLoad.retainedHeapMb, 1)} MB`,
          `${n(r.catalogLoad.heapUsedMb, 1)} MB`,
        ],
      ],
    ),
  ];
  const wholeCpu = r.loadBreakdown.filter((s) => /\(whole\)/.test(s.stage)).reduce((a, s) => a + s.cpuMs, 0);
  out.push(
    `## Where catalog load time goes (${n(r.catalogLoad.personas)} personas, each step replayed alone, median of 3)`,
    "`load ›` steps make up loadPersonaDir, `build ›` steps buildCatalog; the share is of their CPU time together.",
    table(
      ["Step", "Wall time", "CPU time", "Share (CPU)"],
      r.loadBreakdown.map((s) => [s.stage, ms(s.ms), ms(s.cpuMs), `${n((100 * s.cpuMs) / wholeCpu, 0)}%`]),
    ),
  );
  out.push(
    `## In-process search (${r.search[0]?.queries ?? 0} queries × 20 rounds)`,
    table(
      ["Personas", "Function", "p50", "p99", "mean", "mean matches"],
      r.search.flatMap((s) => [
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
      r.search.flatMap((s) => s.slowest.map((q) => [n(s.personas), `\`${q.q}\``, ms(q.p50Ms), n(q.matches)])),
    ),
  );
  if ("skipped" in r.http) {
    out.push("## HTTP", `Skipped: ${r.http.skipped}`);
  } else {
    const h = r.http;
    const row = (p: LoadResult, ratio: string) => [
      `\`${p.path}\``,
      n(p.reqPerSec, 0),
      ms(p.p50Ms),
      ms(p.p99Ms),
      ratio,
      n(p.requests),
      String(p.non2xx),
      String(p.errors),
      n(p.bytesPerResponse / 1024, 1),
    ];
    out.push(
      `## HTTP (next start, ${n(r.catalogLoad.personas)} personas; build ${n(h.buildMs / 1000, 0)} s, first \`/\` after start ${ms(h.coldStartMs)})`,
      table(
        ["Route", "req/s", "p50", "p99", "× static", "requests", "non-2xx", "errors", "KB/resp"],
        [...h.pages.map((p) => row(p, `${n(p.ratioToStatic, 2)}×`)), row(h.static, "1.00×")],
      ),
    );
  }
  return out.join("\n\n") + "\n";
}
