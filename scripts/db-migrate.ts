/**
 * Applies pending migrations to the configured database (DATABASE_URL, else DATABASE_PATH) and
 * exits, for operators who migrate before deploying. The server also migrates at start; both take
 * the same lock (PostgreSQL: an advisory lock; SQLite: its write lock), so running both is safe.
 *   npm run db:migrate
 */
import { closeDb, describeDatabase, startDatabase } from "@/lib/db/client";
import { env } from "@/lib/env";
import { CliError, runCli } from "./cli";

runCli("usage: npm run db:migrate", async () => {
  const extra = process.argv[2];
  if (extra) throw new CliError(`unexpected argument ${extra}`);
  const engine = env().database.engine;
  await startDatabase();
  await closeDb();
  process.stdout.write(`${engine} at ${describeDatabase()}: migrations applied, schema up to date\n`);
});
