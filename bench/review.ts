/**
 * npm run bench:review [-- COUNT]: how long the automated review of one submitted persona takes
 * when COUNT (default 10,000) personas are published. Generates COUNT synthetic personas (the same
 * generator as content:generate, whose prompts share a vocabulary and sentence shapes: harder for
 * the near-duplicate index than real prompts), builds the index of their prompts once, then reviews
 * the catalog's own files, edited copies of published personas, and the same with secrets planted,
 * and reports the index's build time and heap, and each review's median and 95th percentile, whole
 * and for the near-duplicate search alone.
 */
import fs from "node:fs";
import path from "node:path";
import { PublishedIndex, reviewPersonaFile } from "../lib/creators/review";
import { parsePersonaFile } from "../lib/personas/parse";
import { generatePersonaFiles } from "../scripts/generate/personas";
import { fullGc, heapUsedMb } from "./gc";
import { median, percentile, timed } from "./stats";

const ROOT = path.resolve(import.meta.dirname, "..");
const count = Number(process.argv[2] ?? 10_000);
if (!Number.isInteger(count) || count < 1) {
  console.error("COUNT must be a whole number above 0");
  process.exit(1);
}

const generated = generatePersonaFiles({ count, seed: "bench-review" });
const published = generated.map((g) => {
  const parsed = parsePersonaFile(g.file, Buffer.from(g.text));
  if (!parsed.persona) throw new Error(`generated ${g.file} does not parse`);
  const { id, name, body, description } = parsed.persona;
  return { id, name, body, description };
});
const catalogDir = path.join(ROOT, "content/personas");
const catalogFiles = fs
  .readdirSync(catalogDir)
  .filter((f) => f.endsWith(".md"))
  .map((fileName) => ({ fileName, text: fs.readFileSync(path.join(catalogDir, fileName), "utf8") }));
const knownIds = new Set([
  ...published.map((p) => p.id),
  ...catalogFiles.map((f) => f.fileName.slice(0, -3)),
]);

fullGc();
const heapBefore = heapUsedMb();
const build = timed(() => new PublishedIndex(published));
const index = build.value;
fullGc();
const indexHeapMb = heapUsedMb() - heapBefore;

/** A generated persona submitted again under a new id, one word in twelve changed. */
const copies = generated.slice(0, 40).map((g, i) => {
  let n = 0;
  const text = g.text
    .replace(`id: ${g.id}`, `id: copy-${i}`)
    .replace(/(\n---\n[\s\S]*)/, (body) => body.replace(/[a-z]+/g, (w) => (++n % 12 === 0 ? `edit${n}` : w)));
  return { fileName: `copy-${i}.md`, text };
});
const withKeys = catalogFiles.map((f) => ({
  ...f,
  text: `${f.text}\nUse ${["ghp", "Zq81VbN3xK2mLp7Rt5Wc9Yd4Hf6Gj0Ts1Ue8"].join("_")} to call GitHub.\n`,
}));

type Sample = { ms: number; cpuMs: number; verdict: string };
function run(label: string, files: { fileName: string; text: string }[]) {
  const whole: Sample[] = [];
  for (const file of files) {
    const t = timed(() => reviewPersonaFile({ ...file, published: index, knownIds }));
    whole.push({ ms: t.ms, cpuMs: t.cpuMs, verdict: t.value.verdict });
  }
  const near = files.map((f) => timed(() => index.similar(f.text.slice(f.text.indexOf("\n---", 3)))).ms);
  const verdicts = Object.entries(
    whole.reduce<Record<string, number>>(
      (acc, s) => ({ ...acc, [s.verdict]: (acc[s.verdict] ?? 0) + 1 }),
      {},
    ),
  )
    .map(([v, n]) => `${n} ${v}`)
    .join(", ");
  const ms = whole.map((s) => s.ms);
  const cpu = whole.map((s) => s.cpuMs);
  console.log(
    `${label.padEnd(34)} review median ${median(ms).toFixed(1)} ms (CPU ${median(cpu).toFixed(1)}), p95 ${percentile(ms, 95).toFixed(1)} ms; ` +
      `near-duplicate search median ${median(near).toFixed(2)} ms, p95 ${percentile(near, 95).toFixed(2)} ms (${verdicts})`,
  );
}

run("warm-up (not counted)", catalogFiles.slice(0, 5));
console.log(
  `index of ${count} published prompts: built in ${build.ms.toFixed(0)} ms (CPU ${build.cpuMs.toFixed(0)} ms), ` +
    `${indexHeapMb.toFixed(1)} MB of heap`,
);
run(`catalog files (${catalogFiles.length})`, catalogFiles);
run(`edited copies (${copies.length})`, copies);
run(`catalog files with a key (${withKeys.length})`, withKeys);
