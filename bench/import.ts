/**
 * npm run bench:import [-- COUNT]: how fast content:import brings in a large collection. Writes COUNT
 * (default 1000) source files, a quarter in each export format (Claude Code agent, card JSON, card
 * PNG, LobeHub JSON) made from synthetic personas, then runs the real command on them and reports
 * files per second: the command's own figure (reading, converting, checking, writing) and the wall
 * time including the process start. Then the category rule's accuracy on the labelled sample of
 * real-style personas (lib/formats/__fixtures__/category-sample.json), with each miss.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { measureCategoryAccuracy } from "../lib/formats/__fixtures__/category-sample";
import { exportPersona } from "../lib/formats/export";
import { EXPORT_FORMATS } from "../lib/formats/types";
import { loadPersonaDir } from "../lib/personas/load";
import { runGenerate } from "../scripts/generate/cli";

const ROOT = path.resolve(import.meta.dirname, "..");
const count = Number(process.argv[2] ?? 1000);
if (!Number.isInteger(count) || count < 1) throw new Error("COUNT must be a whole number");

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bench-import-"));
try {
  const generated = path.join(tmp, "generated");
  const quiet = { log: () => {}, error: (l: string) => console.error(l) };
  if (runGenerate(["--count", String(count), "--out", generated, "--seed", "bench-import"], quiet) !== 0)
    process.exit(1);
  const { personas } = loadPersonaDir(generated);
  const sources = path.join(tmp, "sources");
  fs.mkdirSync(sources);
  let bytes = 0;
  personas.forEach((persona, i) => {
    const file = exportPersona(persona, EXPORT_FORMATS[i % EXPORT_FORMATS.length]!);
    fs.writeFileSync(path.join(sources, file.filename), file.bytes);
    bytes += file.bytes.length;
  });

  const out = path.join(tmp, "out");
  const started = performance.now();
  const run = spawnSync(
    path.join(ROOT, "node_modules/.bin/tsx"),
    [path.join(ROOT, "scripts/content-import.ts"), sources, "--out", out],
    {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const wall = (performance.now() - started) / 1000;
  const summary = run.stdout.split("\n").find((l) => l.startsWith("content:import:")) ?? run.stderr;
  console.log(
    `sources: ${personas.length} files (${(bytes / 1024 / 1024).toFixed(1)} MB), ${EXPORT_FORMATS.join(", ")} in turn`,
  );
  console.log(summary);
  console.log(
    `wall time with process start: ${wall.toFixed(2)} s (${Math.round(personas.length / wall)} files/s), exit ${run.status}`,
  );
  const categories = measureCategoryAccuracy();
  console.log(
    `category accuracy on the labelled sample: ${categories.correct}/${categories.total} (${(categories.accuracy * 100).toFixed(1)}%)`,
  );
  for (const miss of categories.misses)
    console.log(`  miss: ${miss.name}: expected ${miss.expected}, got ${miss.got}`);
  process.exitCode = run.status ?? 1;
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
