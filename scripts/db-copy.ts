/**
 * Moves an installation from SQLite to PostgreSQL: every table, in one transaction, and the
 * generated session secret (the auth-secret file beside the SQLite file) into app_settings.
 *   npm run db:copy -- --from <sqlite file> --to <postgres url> [--replace]
 * The SQLite file is read in one read-only snapshot, so the app may keep running meanwhile (what it
 * writes after the snapshot is not copied: stop it, or copy again with --replace, before switching).
 * A target that already has data is refused (exit 2) unless --replace, which deletes it all first.
 */
import { CopyError, copyDatabase } from "@/lib/db/copy";
import { describePostgres } from "@/lib/db/postgres-driver";
import { CliError, parseCli, runCli } from "./cli";

const usage = "usage: npm run db:copy -- --from <sqlite file> --to <postgres url> [--replace]";

runCli(usage, async () => {
  const argv = process.argv.slice(2);
  const replace = argv.includes("--replace");
  const { positionals, flags } = parseCli(
    argv.filter((a) => a !== "--replace"),
    ["from", "to"],
  );
  if (positionals.length) throw new CliError(`unexpected argument ${positionals[0]}`);
  if (!flags.from) throw new CliError("give the SQLite file to copy with --from");
  if (!flags.to) throw new CliError("give the PostgreSQL URL to copy to with --to");
  if (!/^postgres(ql)?:\/\//.test(flags.to))
    throw new CliError("--to must be a URL like postgres://user@host/db");
  try {
    const result = await copyDatabase({ from: flags.from, to: flags.to, replace });
    const width = Math.max(...result.tables.map((t) => t.name.length));
    for (const t of result.tables) process.stdout.write(`${t.name.padEnd(width)}  ${t.rows}\n`);
    process.stdout.write(
      result.authSecret === "copied"
        ? "session secret: copied from the auth-secret file into app_settings\n"
        : "session secret: no auth-secret file beside the database (NEXTAUTH_SECRET signs sessions, or one is generated)\n",
    );
    process.stdout.write(`copied ${flags.from} to ${describePostgres(flags.to)}\n`);
  } catch (error) {
    if (error instanceof CopyError && error.refused) {
      console.error(`error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
});
