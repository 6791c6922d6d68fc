/**
 * npm run content:check [dir] [synonyms-file]: checks every persona file and the search's synonyms
 * file (default content/search-synonyms.yaml), prints each problem as `file: field: reason`,
 * exits 1 if there is any.
 */
import path from "node:path";
import { buildCatalog } from "../lib/personas/catalog";
import { loadPersonaDir } from "../lib/personas/load";
import { markdownProblems } from "../lib/personas/markdown-check";
import { formatProblem } from "../lib/personas/problems";
import { loadSynonymsFile } from "../lib/personas/search-synonyms";

const dir = path.resolve(process.argv[2] ?? process.env.PERSONAS_DIR ?? "content/personas");
const started = performance.now();
const loaded = loadPersonaDir(dir);
const { personas } = loaded;
const synonymsFile = process.argv[3] ? path.resolve(process.argv[3]) : undefined;
const problems = [
  ...loaded.problems,
  ...markdownProblems(personas),
  ...loadSynonymsFile(synonymsFile).problems,
];
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
