import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { generatePersonaFiles } from "./personas";

export const USAGE = `Usage: npm run content:generate -- --count N --out DIR [--seed S] [--force]

  --count N   how many personas to write (1..100000)
  --out DIR   where to write them (created if missing)
  --seed S    any text; the same seed gives the same files (default "persona-market")
  --force     write into a non-empty DIR, deleting the *.md files already there`;

const argsSchema = z.object({
  count: z
    .string({ error: "--count is required" })
    .regex(/^\d+$/, "--count must be a whole number")
    .transform(Number)
    .pipe(
      z.number().int().min(1, "--count must be at least 1").max(100_000, "--count must be at most 100000"),
    ),
  out: z.string({ error: "--out is required" }).trim().min(1, "--out must not be empty"),
  seed: z.string().min(1, "--seed must not be empty").default("persona-market"),
  force: z.boolean().default(false),
});

export type GenerateArgs = z.infer<typeof argsSchema>;
type Io = { log: (line: string) => void; error: (line: string) => void };

/** Parses argv; returns the arguments, or the message to print before the usage text. */
export function parseGenerateArgs(argv: string[]): { args: GenerateArgs } | { error: string } {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        count: { type: "string" },
        out: { type: "string" },
        seed: { type: "string" },
        force: { type: "boolean" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) return { error: parsed.error.issues.map((i) => i.message).join("\n") };
  return { args: parsed.data };
}

/** Runs the command; returns the exit code (0 ok, 1 refused or failed, 2 bad arguments). */
export function runGenerate(argv: string[], io: Io = { log: console.log, error: console.error }): number {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.log(USAGE);
    return 0;
  }
  const parsed = parseGenerateArgs(argv);
  if ("error" in parsed) {
    io.error(`content:generate: ${parsed.error}\n\n${USAGE}`);
    return 2;
  }
  const { count, seed, force } = parsed.args;
  const out = path.resolve(parsed.args.out);
  const started = performance.now();

  if (fs.existsSync(out)) {
    if (!fs.statSync(out).isDirectory()) {
      io.error(`content:generate: ${out} exists and is not a directory`);
      return 1;
    }
    const entries = fs.readdirSync(out);
    if (entries.length && !force) {
      io.error(
        `content:generate: refusing to write into ${out}: it is not empty (${entries.length} entries). Pass --force to replace its *.md files.`,
      );
      return 1;
    }
    for (const name of entries) if (name.endsWith(".md")) fs.rmSync(path.join(out, name));
  }
  fs.mkdirSync(out, { recursive: true });

  const files = generatePersonaFiles({ count, seed });
  const tiers = { free: 0, pro: 0, max: 0 };
  for (const f of files) {
    fs.writeFileSync(path.join(out, f.file), f.text);
    tiers[f.tier]++;
  }
  const ms = (performance.now() - started).toFixed(0);
  io.log(
    `content:generate: wrote ${files.length} personas (free ${tiers.free}, pro ${tiers.pro}, max ${tiers.max}) to ${out} in ${ms} ms (seed "${seed}")`,
  );
  return 0;
}
