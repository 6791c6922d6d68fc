/**
 * Online backup of the app's database (DATABASE_PATH), safe while the app serves writes.
 *   npm run db:backup -- <file> [--force]
 */
import { backupDatabase, openSource } from "@/lib/db/backup";
import { env } from "@/lib/env";
import { CliError, parseCli, runCli } from "./cli";

const usage = "usage: npm run db:backup -- <file> [--force]";

runCli(usage, async () => {
  const argv = process.argv.slice(2);
  const force = argv.includes("--force");
  const { positionals } = parseCli(
    argv.filter((a) => a !== "--force"),
    [],
  );
  const [target, extra] = positionals;
  if (!target) throw new CliError("give the file to write the backup to");
  if (extra) throw new CliError(`unexpected argument ${extra}`);
  const source = openSource(env().databasePath);
  try {
    const result = await backupDatabase({ source, target, force });
    if (result.integrity !== "ok") {
      process.stderr.write(`integrity_check: fail (${result.problems.slice(0, 3).join("; ")})\n`);
      process.exit(1);
    }
    process.stdout.write(`${result.file}: integrity_check ok\n`);
  } finally {
    source.close();
  }
});
