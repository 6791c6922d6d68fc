import type { Catalog } from "../lib/personas/catalog";
import { queryCatalog } from "../lib/personas/query";
import { mean, percentile } from "./stats";

/** What people type into the gallery search: words, half-typed prefixes, phrases, and misses. */
// prettier-ignore
export const QUERIES = [
  "kubernetes", "react", "sql", "security", "pricing", "typography", "calculus", "negotiation", "figma", "docker",
  "rust", "python", "forecasting", "privacy", "accessibility", "onboarding", "fundraising", "grammar", "dashboards", "terraform",
  "kube", "sec", "dat", "pric", "typ", "neg", "acc", "ml", "ux", "doc", "grap",
  "data pipelines", "api design", "threat model", "code review", "unit tests", "spanish grammar", "pitch deck", "design tokens",
  "user interviews", "incident response", "a/b tests", "rust mentor", "cash flow model", "zoe math tutor", "react component library",
  "senior backend developer", "sql for startups", "release notes", "machine learning", "time series forecasts",
  "blockchain", "quantum computing",
] as const;

export type LatencyStats = {
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  samples: number;
  /** The same calls' CPU time (this process): on a shared, busy machine wall time's p99 is mostly waiting. */
  cpuP50Ms: number;
  cpuP99Ms: number;
};
export type SearchResult = {
  personas: number;
  queries: number;
  /** SearchIndex.search alone. */
  index: LatencyStats;
  /** queryCatalog({ q }): search + filters + sort + page, what the gallery page calls. */
  query: LatencyStats;
  meanMatches: number;
  /** The queries with the highest median SearchIndex.search time. */
  slowest: { q: string; p50Ms: number; matches: number }[];
};

const stats = (samples: number[], cpu: number[]): LatencyStats => ({
  p50Ms: percentile(samples, 50),
  p99Ms: percentile(samples, 99),
  meanMs: mean(samples),
  samples: samples.length,
  cpuP50Ms: percentile(cpu, 50),
  cpuP99Ms: percentile(cpu, 99),
});

export function measureSearch(catalog: Catalog, rounds = 20): SearchResult {
  const run = (fn: (q: string) => unknown) => {
    for (let warm = 0; warm < 3; warm++) for (const q of QUERIES) fn(q);
    const byQuery = QUERIES.map(() => [] as number[]);
    const cpu: number[] = [];
    for (let r = 0; r < rounds; r++) {
      QUERIES.forEach((q, i) => {
        const cpuStart = process.cpuUsage();
        const start = performance.now();
        fn(q);
        byQuery[i]!.push(performance.now() - start);
        const used = process.cpuUsage(cpuStart);
        cpu.push((used.user + used.system) / 1000);
      });
    }
    return { all: stats(byQuery.flat(), cpu), byQuery };
  };
  const matches = QUERIES.map((q) => catalog.index.search(q).length);
  const index = run((q) => catalog.index.search(q));
  const slowest = QUERIES.map((q, i) => ({
    q,
    p50Ms: percentile(index.byQuery[i]!, 50),
    matches: matches[i]!,
  }))
    .sort((a, b) => b.p50Ms - a.p50Ms)
    .slice(0, 5);
  return {
    personas: catalog.all.length,
    queries: QUERIES.length,
    index: index.all,
    query: run((q) => queryCatalog(catalog, { q })).all,
    meanMatches: mean(matches),
    slowest,
  };
}
