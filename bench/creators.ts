/**
 * npm run bench:creators: the catalog with 5,000 content personas and 5,000 creator personas, beside
 * the content files alone. In process: the content load, and the merge of the published texts
 * (parse, check, index) that every instance does when the catalog version changes. Over HTTP (on
 * the app as built in this folder: `npm run build` first): the gallery's visitor req/s on one server
 * with the content files alone, then after 5,000 creator personas were published into its database
 * (picked up by the 2 s catalog poll, as in production).
 * BENCH_DURATION=seconds per HTTP run (default 15); BENCH_HTTP=0 skips the HTTP part;
 * BENCH_CREATORS=count of each kind (default 5000).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { z } from "zod";
import { mergeCreatorPersonas, type CreatorPersonaText } from "../lib/creators/catalog-source";
import { frontmatterFile, readFrontmatterFile } from "../lib/formats/yaml";
import { loadCatalogDir } from "../lib/personas/cached-load";
import { runGenerate } from "../scripts/generate/cli";
import { fullGc, heapUsedMb } from "./gc";
import { loadTest } from "./load";
import { killServersNow, startServer } from "./server";
import { childEnv, durationSetting, reportFailure } from "./settings";
import { median } from "./stats";

const ROOT = path.resolve(import.meta.dirname, "..");
const progress = (line: string) => console.error(`[bench:creators] ${line}`);

const settings = z
  .object({
    BENCH_DURATION: durationSetting(15),
    BENCH_HTTP: z.enum(["0", "1"], { error: 'must be "0" or "1"' }).default("1"),
    BENCH_CREATORS: z.coerce.number().int().min(1).max(50_000).default(5000),
  })
  .parse(process.env);

function generate(count: number, dir: string, seed: string) {
  const quiet = { log: () => {}, error: (l: string) => console.error(l) };
  if (runGenerate(["--count", String(count), "--out", dir, "--seed", seed], quiet) !== 0)
    throw new Error(`could not generate ${count} personas into ${dir}`);
}

/** Generated files made into creator texts: `bench--<id>`, links to each other renamed the same way. */
function creatorTexts(dir: string): CreatorPersonaText[] {
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith(".md"))
    .map((name) => {
      const { data, body } = readFrontmatterFile(fs.readFileSync(path.join(dir, name), "utf8"));
      const fm = data as Record<string, unknown>;
      const id = `bench--${String(fm.id)}`.slice(0, 64);
      const links = Array.isArray(fm.worksWellWith) ? fm.worksWellWith.map((w) => `bench--${String(w)}`) : [];
      return { id, text: frontmatterFile({ ...fm, id, worksWellWith: links, author: "bench" }, body) };
    });
}

function timeRuns<T>(runs: number, fn: () => T): { ms: number[]; last: T } {
  const ms: number[] = [];
  let last!: T;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    last = fn();
    ms.push(performance.now() - start);
  }
  return { ms, last };
}

async function main() {
  const n = settings.BENCH_CREATORS;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bench-creators-"));
  const contentDir = path.join(tmp, "content");
  const creatorDir = path.join(tmp, "creators");
  progress(`generating ${n} content personas and ${n} creator personas`);
  generate(n, contentDir, "bench");
  generate(n, creatorDir, "creators");
  const rows = creatorTexts(creatorDir);

  fullGc();
  const heapBefore = heapUsedMb();
  const content = timeRuns(5, () => loadCatalogDir({ dir: contentDir }).catalog!);
  fullGc();
  const heapContent = heapUsedMb();
  const merged = timeRuns(5, () => mergeCreatorPersonas(content.last, rows));
  fullGc();
  const heapMerged = heapUsedMb();
  if (merged.last.skipped.length) throw new Error(`skipped: ${JSON.stringify(merged.last.skipped[0])}`);
  // What an instance pays when one more persona is approved: the rest reused from its last merge.
  const oneMore = rows.map((r, i) =>
    i === 0 ? { ...r, text: r.text.replace(/\n---\n/, "\n---\nUpdated. ") } : r,
  );
  const incremental = timeRuns(5, () => mergeCreatorPersonas(content.last, oneMore, merged.last));
  const inProcess = {
    contentPersonas: content.last.all.length,
    creatorPersonas: merged.last.creatorIds.size,
    contentLoadMs: Math.round(median(content.ms)),
    mergeMs: Math.round(median(merged.ms)),
    mergeOneChangedMs: Math.round(median(incremental.ms)),
    contentHeapMb: Math.round(heapContent - heapBefore),
    withCreatorsHeapMb: Math.round(heapMerged - heapBefore),
  };
  progress(JSON.stringify(inProcess));

  let http: Record<string, unknown> | null = null;
  if (settings.BENCH_HTTP === "1") {
    if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID")))
      throw new Error("no build here: run npm run build first");
    const databasePath = path.join(tmp, "data", "persona-market.db");
    const server = await startServer({
      appDir: ROOT,
      env: childEnv({ PERSONAS_DIR: contentDir, DATABASE_PATH: databasePath }),
      logFile: path.join(tmp, "server.log"),
    });
    try {
      const run = (name: string) =>
        loadTest({
          name,
          origin: server.origin,
          path: "/",
          connections: 10,
          durationSeconds: settings.BENCH_DURATION,
        });
      progress(`gallery as a visitor, ${n} content personas (${settings.BENCH_DURATION} s)`);
      const before = await run("gallery, content files only");
      progress(`publishing ${n} creator personas into the server's database`);
      const db = new Database(databasePath);
      const user = "bench-creator";
      db.prepare("INSERT INTO users (id, email) VALUES (?, ?)").run(user, "bench-creator@example.com");
      const insert = db.prepare(
        "INSERT INTO creator_personas (id, user_id, text, version, tier, status, submission_id) VALUES (?, ?, ?, '1.0.0', 'free', 'published', 'bench')",
      );
      db.transaction(() => {
        for (const r of rows) insert.run(r.id, user, r.text);
        db.prepare(
          "INSERT INTO app_settings (key, value) VALUES ('catalog.version', 'bench') ON CONFLICT(key) DO UPDATE SET value = 'bench'",
        ).run();
      })();
      db.close();
      const published = performance.now();
      const probe = rows[0]!.id;
      for (;;) {
        const res = await fetch(`${server.origin}/personas/${probe}`);
        await res.arrayBuffer();
        if (res.status === 200) break;
        if (performance.now() - published > 30_000) throw new Error("creator personas never appeared");
        await new Promise((r) => setTimeout(r, 100));
      }
      const visibleMs = Math.round(performance.now() - published);
      progress(`gallery as a visitor, ${n} + ${n} personas (${settings.BENCH_DURATION} s)`);
      const after = await run("gallery, content files + creator personas");
      http = { visibleAfterPublishMs: visibleMs, before, after, ratio: after.reqPerSec / before.reqPerSec };
    } finally {
      await server.stop();
    }
  }
  const results = { at: new Date().toISOString(), cpus: os.cpus().length, inProcess, http };
  fs.mkdirSync(path.join(ROOT, "bench", "results"), { recursive: true });
  fs.writeFileSync(
    path.join(ROOT, "bench", "results", "creators.json"),
    JSON.stringify(results, null, 2) + "\n",
  );
  console.log(JSON.stringify(results, null, 2));
  fs.rmSync(tmp, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  killServersNow();
  reportFailure(error);
});
