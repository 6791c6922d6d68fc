/**
 * npm run bench:search: the search's top-3 accuracy on the question set over content/personas,
 * and its speed over generated catalogs (BENCH_SIZES, default 1000,10000,50000; BENCH_SIZES=0 skips).
 * `--misses` lists the seen questions it misses (never the held-out ones).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runGenerate } from "../scripts/generate/cli";
import { loadCatalog } from "./catalog";
import { measureSearch } from "./search";
import { measureSearchQuality } from "./search-quality";
import { reportFailure } from "./settings";

const ROOT = path.resolve(import.meta.dirname, "..");
const pct = (s: { hits: number; total: number; share: number }) =>
  `${(100 * s.share).toFixed(1)}% (${s.hits}/${s.total})`;

function main(): void {
  const quality = measureSearchQuality(loadCatalog(path.join(ROOT, "content", "personas")));
  console.log(`Top-3 accuracy, seen questions:     ${pct(quality.seen)}`);
  console.log(`Top-3 accuracy, held-out questions: ${pct(quality.heldOut)}`);
  if (process.argv.includes("--misses"))
    for (const m of quality.seenMisses)
      console.log(`  miss: ${m.q}  -> ${m.top.join(", ") || "(nothing)"}  want ${m.ok.join("|")}`);
  const sizes = (process.env.BENCH_SIZES ?? "1000,10000,50000")
    .split(",")
    .map(Number)
    .filter((n) => n > 0);
  if (sizes.length === 0) return;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "persona-search-"));
  try {
    console.log(`1-min load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} CPUs`);
    console.log(
      "| Personas | SearchIndex.search p50 / p99 | (CPU time p50 / p99) | queryCatalog p50 / p99 | mean matches |",
    );
    console.log("|---:|---:|---:|---:|---:|");
    for (const count of sizes) {
      const dir = path.join(tmp, String(count));
      const quiet = { log: () => {}, error: (l: string) => console.error(l) };
      if (runGenerate(["--count", String(count), "--out", dir, "--seed", "bench"], quiet) !== 0)
        throw new Error(`could not generate ${count} personas`);
      const s = measureSearch(loadCatalog(dir));
      const ms = (v: number) => `${v.toFixed(3)} ms`;
      console.log(
        `| ${count} | ${ms(s.index.p50Ms)} / ${ms(s.index.p99Ms)} | ${ms(s.index.cpuP50Ms)} / ${ms(s.index.cpuP99Ms)} | ${ms(s.query.p50Ms)} / ${ms(s.query.p99Ms)} | ${s.meanMatches.toFixed(0)} |`,
      );
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

try {
  main();
} catch (error) {
  reportFailure(error);
}
