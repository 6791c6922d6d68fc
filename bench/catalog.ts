import fs from "node:fs";
import path from "node:path";
import { isUtf8 } from "node:buffer";
import yaml from "js-yaml";
import { buildCatalog, type Catalog } from "../lib/personas/catalog";
import { crossCheck, loadPersonaDir } from "../lib/personas/load";
import { frontmatterSchema, type Persona } from "../lib/personas/schema";
import { bomLength, splitFrontmatter } from "../lib/personas/frontmatter";
import { SearchIndex } from "../lib/personas/search";
import { repairMojibake } from "../lib/text/repair";
import { fullGc, heapUsedMb } from "./gc";
import { median, timed } from "./stats";

export type CatalogLoadResult = {
  personas: number;
  runsMs: number[];
  medianMs: number;
  /** CPU time of the same runs: steadier than wall time on a shared machine. */
  medianCpuMs: number;
  /** The first load in the process, before the JIT has warmed up: what a server's first request pays. */
  coldMs: number;
  coldCpuMs: number;
  /** Heap the catalog keeps alive after a full GC. */
  retainedHeapMb: number;
  heapUsedMb: number;
};

/** loadPersonaDir + buildCatalog, as getCatalog() does on a server's first request. */
export function loadCatalog(dir: string): Catalog {
  const { personas, problems } = loadPersonaDir(dir);
  if (problems.length)
    throw new Error(`${problems.length} content problem(s) in ${dir}, first: ${JSON.stringify(problems[0])}`);
  return buildCatalog(personas);
}

/** The first load, and the heap it keeps alive (in a frame of its own, so no stale reference skews it). */
function measureColdLoad(dir: string): { ms: number; cpuMs: number; retainedHeapMb: number } {
  fullGc();
  const before = heapUsedMb();
  const { ms, cpuMs, value: catalog } = timed(() => loadCatalog(dir));
  fullGc();
  const retainedHeapMb = heapUsedMb() - before;
  if (catalog.all.length === 0) throw new Error("empty catalog");
  return { ms, cpuMs, retainedHeapMb };
}

export function measureCatalogLoad(
  dir: string,
  runs: number,
): { result: CatalogLoadResult; catalog: Catalog } {
  const cold = measureColdLoad(dir);
  const runsMs: number[] = [];
  const runsCpuMs: number[] = [];
  let catalog: Catalog | undefined;
  for (let i = 0; i < runs; i++) {
    catalog = undefined;
    fullGc();
    const run = timed(() => loadCatalog(dir));
    catalog = run.value;
    runsMs.push(run.ms);
    runsCpuMs.push(run.cpuMs);
  }
  return {
    result: {
      personas: catalog!.all.length,
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

export type Stage = { stage: string; ms: number; cpuMs: number };

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
export function profileCatalogLoad(dir: string, runs: number): Stage[] {
  const stages: Stage[] = [];
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
    stages.push({ stage: name, ms: median(wall), cpuMs: median(cpu) });
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
  const repaired = stage("load › repairMojibake (frontmatter + body)", () =>
    parsed.map((m, i) => ({ data: repairDeep(data[i]), body: repairMojibake(m.content).trim() })),
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
  stage("loadPersonaDir (whole)", () => loadPersonaDir(dir));
  stage("buildCatalog (whole)", () => buildCatalog(personas));
  return stages;
}
