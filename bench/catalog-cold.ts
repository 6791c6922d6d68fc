/**
 * One catalog load in a fresh process, as a server's first request pays it (JIT cold), and the
 * heap the catalog keeps. Run by bench/catalog.ts: `tsx bench/catalog-cold.ts DIR [CACHE_DIR]`;
 * prints one JSON line.
 */
import { loadCatalogDir } from "../lib/personas/cached-load";
import { fullGc, heapUsedMb } from "./gc";
import { timed } from "./stats";

const [dir, cacheDir] = process.argv.slice(2);
if (!dir) throw new Error("usage: tsx bench/catalog-cold.ts DIR [CACHE_DIR]");
fullGc();
const before = heapUsedMb();
const { ms, cpuMs, value } = timed(() => loadCatalogDir({ dir, cacheDir }));
if (!value.catalog) throw new Error(`${value.problems.length} content problem(s) in ${dir}`);
fullGc();
const retainedHeapMb = heapUsedMb() - before;
process.stdout.write(
  JSON.stringify({
    ms,
    cpuMs,
    source: value.source,
    reusedFiles: value.reusedFiles,
    personas: value.catalog.all.length,
    retainedHeapMb,
  }) + "\n",
);
