import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { CATEGORIES, TIERS, type Category } from "../../lib/personas/schema";
import { importPersonas, type Outcome } from "./run";

export const USAGE = `Usage: npm run content:import -- <file or directory>... --out DIR [--tier free|pro|max] [--category C] [--force]

  Reads Claude Code agents (.md), Character Card V2/V3 (JSON, PNG, .charx) and LobeHub agents (JSON),
  recognised by their content. Directories are read recursively.

  --out DIR      where to write <id>.md (and <id>.png etc. for a card's picture); created if missing
  --tier T       tier of every imported persona (default: the source's own when it is a Persona
                 Market export, else free)
  --category C   category of every imported persona (${Object.keys(CATEGORIES).join(", ")});
                 default: the source's category when it maps to one, else inferred from the text
  --force        overwrite persona files that already exist in DIR`;

const argsSchema = z.object({
  out: z.string({ error: "--out is required" }).trim().min(1, "--out must not be empty"),
  tier: z.enum(TIERS, { error: `--tier must be one of: ${TIERS.join(", ")}` }).optional(),
  category: z
    .enum(Object.keys(CATEGORIES) as [Category, ...Category[]], {
      error: `--category must be one of: ${Object.keys(CATEGORIES).join(", ")}`,
    })
    .optional(),
  force: z.boolean().default(false),
});

type Io = { log: (line: string) => void; error: (line: string) => void };

/** Runs the command; returns the exit code: 0 imported, 1 nothing imported or a file malformed, 2 bad arguments. */
export function runImport(argv: string[], io: Io = { log: console.log, error: console.error }): number {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.log(USAGE);
    return 0;
  }
  let values: Record<string, unknown>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: {
        out: { type: "string" },
        tier: { type: "string" },
        category: { type: "string" },
        force: { type: "boolean" },
      },
      strict: true,
      allowPositionals: true,
    }));
  } catch (error) {
    io.error(`content:import: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success || positionals.length === 0) {
    const reason = parsed.success
      ? "name at least one file or directory to import"
      : parsed.error.issues.map((i) => i.message).join("\n");
    io.error(`content:import: ${reason}\n\n${USAGE}`);
    return 2;
  }
  const started = performance.now();
  const outcomes = importPersonas({ ...parsed.data, inputs: positionals });
  const seconds = (performance.now() - started) / 1000;
  const rel = (file: string) => path.relative(process.cwd(), file) || file;
  for (const o of outcomes) io.log(`${rel(o.file)}: ${describe(o, rel(parsed.data.out))}`);

  const count = (s: Outcome["status"]) => outcomes.filter((o) => o.status === s).length;
  const skippedWhy = (w: string) => outcomes.filter((o) => o.status === "skipped" && o.why === w).length;
  const imported = count("imported");
  const failed = count("failed");
  const rate = outcomes.length / Math.max(seconds, 0.001);
  io.log(
    `\ncontent:import: ${imported} imported, ${count("skipped")} skipped (${skippedWhy("duplicate")} duplicate, ${skippedWhy("exists")} already there, ${skippedWhy("not-a-persona")} not a persona), ${failed} failed — ${outcomes.length} files in ${seconds.toFixed(2)} s (${Math.round(rate)} files/s)`,
  );
  if (failed) io.error(`content:import: ${failed} file(s) could not be imported (see "failed" above)`);
  if (imported === 0) io.error("content:import: nothing was imported");
  return failed > 0 || imported === 0 ? 1 : 0;
}

function describe(o: Outcome, out: string): string {
  if (o.status === "skipped") return `skipped: ${o.reason}`;
  if (o.status === "failed") return `failed: ${o.reason}`;
  const files = o.written.map((f) => path.join(out, f)).join(" + ");
  return `imported as ${files} (${o.format}${o.notes.length ? `; ${o.notes.join("; ")}` : ""})`;
}
