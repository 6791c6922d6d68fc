/**
 * npm run bench: catalog load, in-process search and HTTP throughput against synthetic catalogs.
 * Markdown report on stdout, progress on stderr, JSON in bench/results/latest.json.
 * BENCH_DURATION=seconds per HTTP run (default 15); BENCH_HTTP=0 skips the build and HTTP part.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Catalog } from "../lib/personas/catalog";
import { queryCatalog } from "../lib/personas/query";
import { runGenerate } from "../scripts/generate/cli";
import { loadCatalog, measureCatalogLoad, profileCatalogLoad } from "./catalog";
import { loadTest } from "./load";
import { checkTargets, renderReport, type BenchResults, type HttpResults } from "./report";
import { measureSearch } from "./search";
import { buildApp, copyApp, killServersNow, startServer, type Server } from "./server";
import { childEnv, readBenchSettings, type BenchSettings } from "./settings";

const ROOT = path.resolve(import.meta.dirname, "..");
const progress = (line: string) => console.error(`[bench] ${line}`);

function generate(count: number, dir: string): void {
  const quiet = { log: () => {}, error: (l: string) => console.error(l) };
  if (runGenerate(["--count", String(count), "--out", dir, "--seed", "bench"], quiet) !== 0) {
    throw new Error(`could not generate ${count} personas into ${dir}`);
  }
}

/** A search word and category with results, and a free persona with links, from the catalog the server will load. */
function pickHttpTargets(catalog: Catalog) {
  const q = "pipelines";
  const category = "data" as const;
  if (queryCatalog(catalog, { q, category }).total === 0)
    throw new Error(`"${q}" in ${category} finds nothing`);
  const persona = catalog.all.find(
    (p) => p.tier === "free" && p.worksWellWith.length > 0 && catalog.pairedBy.has(p.id),
  );
  if (!persona) throw new Error("no free persona with links in the generated catalog");
  return [
    { name: "gallery", path: "/" },
    { name: "search + category", path: `/?q=${q}&category=${category}` },
    { name: "persona detail (free)", path: `/personas/${persona.id}` },
  ];
}

async function measureHttp(
  tmp: string,
  personasDir: string,
  catalog: Catalog,
  settings: BenchSettings,
): Promise<HttpResults> {
  const appDir = path.join(tmp, "app");
  progress(`copying the app to ${appDir}`);
  copyApp(ROOT, appDir);
  progress("next build (about a minute)");
  const buildMs = await buildApp(
    appDir,
    childEnv({
      DATABASE_PATH: path.join(tmp, "build-db", "build.db"),
      PERSONAS_DIR: path.join(appDir, "content", "personas"),
    }),
    path.join(tmp, "build.log"),
  );
  const serverOpts = {
    appDir,
    env: childEnv({ PERSONAS_DIR: personasDir, DATABASE_PATH: path.join(tmp, "data", "persona-market.db") }),
    logFile: path.join(tmp, "server.log"),
  };

  // public/ is listed when the server starts, so the static copy of `/` must exist before the measured start.
  progress("starting next to capture / as a static file");
  let server: Server = await startServer(serverOpts);
  const coldStartMs = server.readyMs;
  const html = await (await fetch(`${server.origin}/`)).text();
  await server.stop();
  fs.mkdirSync(path.join(appDir, "public"), { recursive: true });
  fs.writeFileSync(path.join(appDir, "public", "bench-static.html"), html);

  server = await startServer(serverOpts);
  progress(`server pid ${server.pid} at ${server.origin}`);
  try {
    const targets = pickHttpTargets(catalog);
    for (const t of [...targets, { name: "static", path: "/bench-static.html" }]) {
      const res = await fetch(server.origin + t.path);
      const body = await res.text();
      if (res.status !== 200 || body.length < 1000)
        throw new Error(`GET ${t.path} answered ${res.status} with ${body.length} bytes`);
    }
    const run = (t: { name: string; path: string }) => {
      progress(`autocannon ${t.path} (${settings.durationSeconds} s)`);
      return loadTest({
        ...t,
        origin: server.origin,
        connections: settings.connections,
        durationSeconds: settings.durationSeconds,
      });
    };
    const staticResult = await run({ name: "static", path: "/bench-static.html" });
    const pages = [];
    for (const t of targets) {
      const r = await run(t);
      pages.push({ ...r, ratioToStatic: r.reqPerSec / staticResult.reqPerSec });
    }
    return { buildMs, coldStartMs, pages, static: staticResult };
  } finally {
    await server.stop();
    progress(`server pid ${server.pid} stopped`);
  }
}

async function main(): Promise<void> {
  const settings = readBenchSettings();
  const loadAtStart = os.loadavg()[0]!;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "persona-bench-"));
  const cleanUp = () => {
    killServersNow();
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      cleanUp();
      process.exit(130);
    });
  }
  process.once("exit", killServersNow);

  try {
    const dir5k = path.join(tmp, "personas-5000");
    const dir10k = path.join(tmp, "personas-10000");
    progress("generating 5,000 and 10,000 personas");
    generate(5000, dir5k);
    generate(10000, dir10k);

    progress("catalog load x5 at 5,000");
    const { result: catalogLoad, catalog } = measureCatalogLoad(dir5k, 5);
    progress("catalog load breakdown");
    const loadBreakdown = profileCatalogLoad(dir5k, 3);
    progress("search at 5,000 and 10,000");
    const search = [measureSearch(catalog), measureSearch(loadCatalog(dir10k))];

    const http = settings.http
      ? await measureHttp(tmp, dir5k, catalog, settings)
      : { skipped: "BENCH_HTTP=0" };
    const partial = {
      generatedAt: new Date().toISOString(),
      environment: {
        node: process.version,
        platform: `${os.platform()} ${os.arch()}`,
        cpus: os.availableParallelism(),
        cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
        memoryGb: os.totalmem() / 1024 ** 3,
        loadAverage: { start: loadAtStart, end: os.loadavg()[0]! },
      },
      settings: {
        durationSeconds: settings.durationSeconds,
        connections: settings.connections,
        http: settings.http,
      },
      catalogLoad,
      loadBreakdown,
      search,
      http,
    };
    const results: BenchResults = { ...partial, targets: checkTargets(partial) };
    const resultsDir = path.join(ROOT, "bench", "results");
    fs.mkdirSync(resultsDir, { recursive: true });
    fs.writeFileSync(path.join(resultsDir, "latest.json"), JSON.stringify(results, null, 2) + "\n");
    process.stdout.write(renderReport(results));
    progress(`JSON written to ${path.relative(process.cwd(), path.join(resultsDir, "latest.json"))}`);
  } finally {
    cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
