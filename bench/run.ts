/**
 * npm run bench: catalog load, in-process search and HTTP throughput against synthetic catalogs.
 * The HTTP part runs against a database seeded with marketplace stats (bench/seed-db.ts), for a
 * visitor and for a signed-in viewer (a session from the credentials endpoint), beside the same HTML
 * as a static file; start-up is timed from the server's ready line.
 * Markdown report on stdout, progress on stderr, JSON in bench/results/latest.json.
 * BENCH_DURATION=seconds per HTTP run (default 15); BENCH_HTTP=0 skips the build and HTTP part;
 * BENCH_SIZES=1000,5000,10000,50000 the catalog sizes of the growth table; BENCH_GROWTH_HTTP=0
 * skips its gallery req/s column (a short run per size, at most 5 s).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Catalog } from "../lib/personas/catalog";
import { queryCatalog } from "../lib/personas/query";
import { runGenerate } from "../scripts/generate/cli";
import { loadCatalog, measureCatalogLoad, profileCatalogLoad } from "./catalog";
import { loadTest } from "./load";
import {
  checkTargets,
  renderReport,
  type BenchResults,
  type GrowthRow,
  type HttpResults,
  type StartTiming,
} from "./report";
import { measureJs } from "./js-size";
import { measureSearch } from "./search";
import { measureSearchQuality } from "./search-quality";
import { buildApp, copyApp, killServersNow, startServer, type Server } from "./server";
import { childEnv, readBenchSettings, reportFailure, type BenchSettings } from "./settings";
import { seedDatabase, signIn } from "./viewer";

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
  growthDirs: Map<number, string>,
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
  const databasePath = path.join(tmp, "data", "persona-market.db");
  progress("seeding the database: 90 days of usage, stars and reviews, and the signed-in viewer");
  const { viewer, seed } = seedDatabase(databasePath, catalog, tmp);
  const targets = pickHttpTargets(catalog);
  const serverOpts = {
    appDir,
    env: childEnv({ PERSONAS_DIR: personasDir, DATABASE_PATH: databasePath }),
    logFile: path.join(tmp, "server.log"),
  };
  // After the ready line: `/`, then the other pages once each, as a visitor's first requests.
  const firstPaths = targets.filter((t) => t.path !== "/").map((t) => t.path);
  const timing = (s: Server): StartTiming => ({
    toReadyLineMs: s.readyLogMs,
    toFirstPageMs: s.readyMs,
    firstPages: s.firstPages,
    startLog: s.startLog,
  });

  // public/ is listed when the server starts, so the static copy of `/` must exist before the measured start.
  progress("starting next to capture / as a static file");
  let server: Server = await startServer({ ...serverOpts, firstPaths });
  const coldStart = timing(server);
  const html = await (await fetch(`${server.origin}/`)).text();
  await server.stop();
  fs.mkdirSync(path.join(appDir, "public"), { recursive: true });
  fs.writeFileSync(path.join(appDir, "public", "bench-static.html"), html);

  // The same files again: this start takes the catalog from the cache the first one wrote.
  server = await startServer({ ...serverOpts, firstPaths });
  const restart = timing(server);
  progress(`server pid ${server.pid} at ${server.origin}`);
  try {
    const session = await signIn(server.origin, viewer);
    for (const t of [...targets, { name: "static", path: "/bench-static.html" }]) {
      const res = await fetch(server.origin + t.path);
      const body = await res.text();
      if (res.status !== 200 || body.length < 1000)
        throw new Error(`GET ${t.path} answered ${res.status} with ${body.length} bytes`);
    }
    const run = (t: { name: string; path: string }, cookie?: string, who = "visitor") => {
      progress(`autocannon ${t.path} as ${who} (${settings.durationSeconds} s)`);
      return loadTest({
        ...t,
        origin: server.origin,
        connections: settings.connections,
        durationSeconds: settings.durationSeconds,
        ...(cookie && { headers: { cookie } }),
      });
    };
    const staticResult = await run({ name: "static", path: "/bench-static.html" });
    const pages = [];
    const signedIn = [];
    for (const t of targets) {
      const r = await run(t);
      pages.push({ ...r, ratioToStatic: r.reqPerSec / staticResult.reqPerSec });
      const s = await run(t, session, "signed-in viewer");
      signedIn.push({
        ...s,
        ratioToStatic: s.reqPerSec / staticResult.reqPerSec,
        ratioToVisitor: s.reqPerSec / r.reqPerSec,
      });
    }
    // A cookie that names no session: rendered for a visitor on every request (the page cache is only
    // for requests without one), so the gap to signed-in is what the viewer's own parts cost.
    const unread = await run(
      { name: "gallery, rendered per request", path: "/" },
      "next-auth.session-token=none",
      "visitor with an unreadable session cookie",
    );
    const rendered = { ...unread, ratioToStatic: unread.reqPerSec / staticResult.reqPerSec };
    await server.stop();
    progress(`server pid ${server.pid} stopped`);
    const js = await measureFirstLoadJs(serverOpts, targets, viewer);
    const galleryBySize = settings.growthHttp
      ? await measureGalleryBySize(serverOpts, growthDirs, settings)
      : [];
    return {
      buildMs,
      coldStartMs: coldStart.toFirstPageMs,
      restartMs: restart.toFirstPageMs,
      coldStart,
      restart,
      pages,
      signedIn,
      rendered,
      static: staticResult,
      seed,
      galleryBySize,
      js,
    };
  } finally {
    await server.stop();
  }
}

/** First-load JavaScript of the gallery, a persona page and its chat, on a server that has a chat provider set. */
async function measureFirstLoadJs(
  serverOpts: { appDir: string; env: NodeJS.ProcessEnv; logFile: string },
  targets: { name: string; path: string }[],
  viewer: Parameters<typeof signIn>[1],
) {
  const personaId = targets.find((t) => t.path.startsWith("/personas/"))!.path.split("/")[2]!;
  // Only configured, never called: the chat page shows the chat (not "no model") with one set.
  const chatEnv = { CHAT_PROVIDER: "openai-compatible", OPENAI_COMPATIBLE_BASE_URL: "http://127.0.0.1:9/v1" };
  const server = await startServer({ ...serverOpts, env: { ...serverOpts.env, ...chatEnv } });
  try {
    progress("first-load JavaScript of the gallery, a persona page and its chat");
    const cookie = await signIn(server.origin, viewer);
    return [
      ...(await measureJs(server.origin, { personaId, appDir: serverOpts.appDir })),
      ...(await measureJs(server.origin, { personaId, appDir: serverOpts.appDir, cookie })),
    ];
  } finally {
    await server.stop();
  }
}

/** `/` for a visitor at each catalog size: a fresh server per size, a short run each. */
async function measureGalleryBySize(
  serverOpts: { appDir: string; env: NodeJS.ProcessEnv; logFile: string },
  dirs: Map<number, string>,
  settings: BenchSettings,
): Promise<{ personas: number; reqPerSec: number; p50Ms: number; firstPageMs: number }[]> {
  const out = [];
  for (const [personas, dir] of dirs) {
    const server = await startServer({ ...serverOpts, env: { ...serverOpts.env, PERSONAS_DIR: dir } });
    try {
      const durationSeconds = Math.min(5, settings.durationSeconds);
      progress(`gallery at ${personas} personas (${durationSeconds} s)`);
      const r = await loadTest({
        name: "gallery",
        path: "/",
        origin: server.origin,
        connections: settings.connections,
        durationSeconds,
      });
      out.push({ personas, reqPerSec: r.reqPerSec, p50Ms: r.p50Ms, firstPageMs: server.readyMs });
    } finally {
      await server.stop();
    }
  }
  return out;
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
    const dirs = new Map(settings.sizes.map((n) => [n, path.join(tmp, `personas-${n}`)]));
    const growth: GrowthRow[] = [];
    for (const [count, dir] of dirs) {
      progress(`generating ${count.toLocaleString("en-US")} personas`);
      generate(count, dir);
      const runs = count >= 50_000 ? 3 : 5;
      progress(`catalog load at ${count}: fresh process + ${runs} warm runs, for each of the three paths`);
      const files = measureCatalogLoad(dir, runs, "files", tmp).result;
      const changed = measureCatalogLoad(dir, runs, "changed", tmp).result;
      const { result: cache, catalog } = measureCatalogLoad(dir, runs, "cache", tmp);
      progress(`search at ${count}`);
      growth.push({ personas: count, files, changed, cache, search: measureSearch(catalog) });
    }
    progress("search quality on the question set (content/personas)");
    const { seen, heldOut } = measureSearchQuality(loadCatalog(path.join(ROOT, "content", "personas")));
    const dir5k = dirs.get(5000)!;
    progress("catalog load breakdown at 5,000");
    const loadBreakdown = profileCatalogLoad(dir5k, 3, tmp);

    const http = settings.http
      ? await measureHttp(tmp, dir5k, loadCatalog(dir5k), settings, dirs)
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
        sizes: settings.sizes,
      },
      growth,
      searchQuality: { seen, heldOut },
      loadBreakdown,
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

main().catch(reportFailure);
