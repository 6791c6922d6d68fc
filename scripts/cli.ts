import { z } from "zod";
import { closeDb } from "@/lib/db/client";

export class CliError extends Error {}

/** Positionals and `--name value` flags; an unknown flag is an error, not a silent drop. */
export function parseCli(argv: string[], known: string[]) {
  const positionals: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
    if (!known.includes(name)) throw new CliError(`unknown option --${name}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new CliError(`--${name} needs a value`);
    flags[name] = value;
  }
  return { positionals, flags };
}

/** Runs a CLI body, then closes the database: bad input prints the reason and the usage and exits 2; no stack traces for people. */
export function runCli(usage: string, body: () => void | Promise<void>) {
  const fail = (error: unknown) => {
    if (error instanceof z.ZodError) {
      for (const issue of error.issues) console.error(`error: ${issue.message}`);
      console.error(usage);
      process.exit(2);
    }
    if (error instanceof CliError) {
      console.error(`error: ${error.message}`);
      console.error(usage);
      process.exit(2);
    }
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  };
  // The database is closed at the end: an open PostgreSQL pool would keep the process alive.
  Promise.resolve()
    .then(body)
    .then(() => closeDb())
    .catch(fail);
}
