/**
 * npm run content:check [dir]: checks every persona file, prints each problem as
 * `file: field: reason`, exits 1 if there is any.
 */
import path from "node:path";
import { buildCatalog } from "../lib/personas/catalog";
import { loadPersonaDir } from "../lib/personas/load";
import { markdownProblems } from "../lib/personas/markdown-check";
import { formatProblem } from "../lib/personas/problems";

const dir = path.resolve(process.argv[2] ?? process.env.PERSONAS_DIR ?? "content/personas");
const started = performance.now();
const loaded = loadPersonaDir(dir);
const { personas } = loaded;
const problems = [...loaded.problems, ...markdownProblems(personas)];
for (const p of problems) console.error(formatProblem(p));
if (problems.length) {
  console.error(
    `\ncontent:check: ${problems.length} problem(s) in ${path.relative(process.cwd(), dir) || dir}`,
  );
  process.exit(1);
}
const catalog = buildCatalog(personas);
const ms = (performance.now() - started).toFixed(0);
const categories = [...catalog.byCategory.values()].filter((list) => list.length > 0).length;
console.log(
  `content:check: ${personas.length} personas OK in ${categories} categories (${ms} ms) — ${path.relative(process.cwd(), dir) || dir}`,
);
