import { isUtf8 } from "node:buffer";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { loadCatalogDir } from "../lib/personas/cached-load";
import { buildCatalog, type Catalog } from "../lib/personas/catalog";
import { cacheFileFor, cacheKey, fileDigest, readCatalogCache } from "../lib/personas/catalog-cache";
import { crossCheck, loadPersonaDir, readPersonaFiles } from "../lib/personas/load";
import { frontmatterSchema, type Persona } from "../lib/personas/schema";
import { bomLength, splitFrontmatter } from "../lib/personas/frontmatter";
import { SearchIndex } from "../lib/personas/search";
import { repairMojibake } from "../lib/text/repair";
import { fullGc, heapUsedMb } from "./gc";
import { median, timed } from "./stats";

/**
 * "files": content new to the cache, or other code (parse, check, index, write the cache);
 * "changed": a restart after one file changed (that file parsed, the rest from the cache, all
 * checked and indexed again, cache written); "cache": a restart with the same files.
 */
export type LoadPath = "files" | "changed" | "cache";

export type CatalogLoadResult = {
  personas: number;
  path: LoadPath;
  runsMs: number[];
  medianMs: number;
  /** CPU time of the same runs: steadier than wall time on a shared machine. */
  medianCpuMs: number;
  /** The first load in a fresh process, before the JIT has warmed up: what a server's first request pays. */
  coldMs: number;
  coldCpuMs: number;
  /** Heap the catalog keeps alive after a full GC (in that fresh process). */
  retainedHeapMb: number;
  heapUsedMb: number;
};

const ROOT = path.resolve(import.meta.dirname, "..");

/** The catalog as getCatalog() builds it, optionally through a cache folder. */
export function loadCatalog(dir: string, cacheDir?: string): Catalog {
  const { catalog, problems } = loadCatalogDir({ dir, cacheDir });
  if (!catalog)
    throw new Error(`${problems.length} content problem(s) in ${dir}, first: ${JSON.stringify(problems[0])}`);
  return catalog;
}

type ColdLoad = {
  ms: number;
  cpuMs: number;
  source: "files" | "cache";
  reusedFiles: number;
  personas: number;
  retainedHeapMb: number;
};

/** One load in a new process (bench/catalog-cold.ts). */
export function coldLoadInChild(dir: string, cacheDir?: string): ColdLoad {
  const child = spawnSync(
    process.execPath,
    ["--import", "tsx", path.join(ROOT, "bench", "catalog-cold.ts"), dir, ...(cacheDir ? [cacheDir] : [])],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 20 },
  );
  if (child.status !== 0) throw new Error(`cold catalog load failed: ${child.stderr.slice(-2000)}`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1)!) as ColdLoad;
}

/**
 * Cold (fresh process) and warm (`runs` in this process) loads of one path. "files" gets an
 * empty cache folder each time, so it pays what a server pays for content it has not seen,
 * including writing the cache; "changed" edits one file before each load (and puts it back
 * after); "cache" loads from a cache written beforehand.
 */
export function measureCatalogLoad(
  dir: string,
  runs: number,
  loadPath: LoadPath,
  scratch: string,
): { result: CatalogLoadResult; catalog: Catalog } {
  const freshCacheDir = () => fs.mkdtempSync(path.join(scratch, "cache-"));
  const sharedCacheDir = loadPath === "files" ? undefined : freshCacheDir();
  if (sharedCacheDir) loadCatalog(dir, sharedCacheDir);
  const edited = path.join(
    dir,
    fs
      .readdirSync(dir)
      .filter((n) => n.endsWith(".md"))
      .sort()[0]!,
  );
  const original = fs.readFileSync(edited);
  let edits = 0;
  const prepare = () => {
    if (loadPath === "changed")
      fs.writeFileSync(edited, `${original}\nEdited for the benchmark (${++edits}).\n`);
    return sharedCacheDir ?? freshCacheDir();
  };
  const expect = (source: string, reusedFiles: number, personas: number) => {
    const wanted = loadPath === "cache" ? "cache" : "files";
    if (source !== wanted) throw new Error(`${loadPath}: expected a load from ${wanted}, got ${source}`);
    if (loadPath === "changed" && reusedFiles !== personas - 1)
      throw new Error(`changed: ${reusedFiles} of ${personas} files reused, expected all but one`);
  };
  const runsMs: number[] = [];
  const runsCpuMs: number[] = [];
  let catalog: Catalog | undefined;
  let cold: ColdLoad;
  try {
    cold = coldLoadInChild(dir, prepare());
    expect(cold.source, cold.reusedFiles, cold.personas);
    for (let i = 0; i < runs; i++) {
      catalog = undefined;
      const cacheDir = prepare();
      fullGc();
      const run = timed(() => loadCatalogDir({ dir, cacheDir }));
      catalog = run.value.catalog;
      if (!catalog) throw new Error(`content problems in ${dir}`);
      expect(run.value.source, run.value.reusedFiles, catalog.all.length);
      runsMs.push(run.ms);
      runsCpuMs.push(run.cpuMs);
      if (!sharedCacheDir) fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  } finally {
    fs.writeFileSync(edited, original);
    if (sharedCacheDir) fs.rmSync(sharedCacheDir, { recursive: true, force: true });
  }
  return {
    result: {
      personas: catalog!.all.length,
      path: loadPath,
      runsMs,
      medianMs: median(runsMs),
      medianCpuMs: median(runsCpuMs),
      coldMs: cold.ms,
      coldCpuMs: cold.cpuMs,
      retainedHeapMb: cold.retainedHeapMb,
      heapUsedMb: heapUsedMb(),
    },
    catalog: catalog!,
  };
}

/** One step of a load path replayed alone; `whole` marks the steps that together are the whole path. */
export type Stage = { stage: string; path: LoadPath; ms: number; cpuMs: number; whole?: boolean };

function repairDeep(value: unknown): unknown {
  if (typeof value === "string") return repairMojibake(value);
  if (Array.isArray(value)) return value.map(repairDeep);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, repairDeep(v)]));
  }
  return value;
}

/**
 * Where catalog load time goes: the steps of lib/personas/parse.ts and catalog.ts replayed one
 * at a time over every file (median of `runs` per step).
 */
export function profileCatalogLoad(dir: string, runs: number, scratch: string): Stage[] {
  const stages: Stage[] = [];
  let group: LoadPath = "files";
  let whole = false;
  const stage = <T>(name: string, fn: () => T): T => {
    const wall: number[] = [];
    const cpu: number[] = [];
    let value: T | undefined;
    for (let i = 0; i < runs; i++) {
      const r = timed(fn);
      wall.push(r.ms);
      cpu.push(r.cpuMs);
      value = r.value;
    }
    stages.push({
      stage: name,
      path: group,
      ms: median(wall),
      cpuMs: median(cpu),
      ...(whole ? { whole } : {}),
    });
    return value!;
  };
  const names = fs
    .readdirSync(dir)
    .filter((n) => n.endsWith(".md"))
    .sort();
  const buffers = stage("load › readFileSync (all files)", () =>
    names.map((n) => fs.readFileSync(path.join(dir, n))),
  );
  stage("load › UTF-8 check (isUtf8)", () => buffers.map((b) => isUtf8(b)));
  const parsed = stage("load › split frontmatter from body, decode both", () =>
    buffers.map((b) => splitFrontmatter(b, bomLength(b))),
  );
  const data = stage("load › js-yaml safeLoad (core schema)", () =>
    parsed.map((m) => yaml.safeLoad(m.matter, { schema: yaml.CORE_SCHEMA })),
  );
  const repaired = stage("load › repairMojibake (frontmatter; bodies with non-ASCII bytes)", () =>
    parsed.map((m, i) => ({
      data: repairDeep(data[i]),
      body: (m.contentIsAscii ? m.content : repairMojibake(m.content)).trim(),
    })),
  );
  const validated = stage("load › zod frontmatterSchema.safeParse", () =>
    repaired.map((r) => frontmatterSchema.safeParse(r.data)),
  );
  const personas: Persona[] = validated.map((v, i) => {
    if (!v.success) throw new Error(`${names[i]} failed validation`);
    return { ...v.data, starters: v.data.starters ?? [], body: repaired[i]!.body, file: names[i]! };
  });
  stage("load › crossCheck (ids, links)", () => crossCheck(personas));
  const sorted = stage("build › sort by name (localeCompare)", () =>
    [...personas].sort((a, b) => a.name.localeCompare(b.name, "en") || a.id.localeCompare(b.id)),
  );
  stage("build › SearchIndex constructor", () => new SearchIndex(sorted));
  whole = true;
  stage("loadPersonaDir (whole)", () => loadPersonaDir(dir));
  stage("buildCatalog (whole)", () => buildCatalog(personas));

  group = "cache";
  whole = false;
  const cacheDir = fs.mkdtempSync(path.join(scratch, "cache-"));
  loadCatalog(dir, cacheDir);
  const cacheFile = cacheFileFor(cacheDir, dir);
  const { files } = stage("cache › read all files", () => readPersonaFiles(dir));
  const key = stage("cache › key: sha256 of every file, then of names and digests", () =>
    cacheKey(files.map((f) => ({ name: f.name, digest: fileDigest(f.bytes) }))),
  );
  stage("cache › read the cache file, JSON.parse, index arrays", () => readCatalogCache(cacheFile, key));
  whole = true;
  stage("loadCatalogDir from the cache (whole)", () => loadCatalogDir({ dir, cacheDir }));
  fs.rmSync(cacheDir, { recursive: true, force: true });
  return stages;
}
