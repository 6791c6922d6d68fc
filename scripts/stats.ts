/**
 * Operator CLI: a persona's figures, per version and per day (the studio's, for every persona).
 *   npm run stats -- <persona-id> [--days 30] [--csv]
 */
import { z } from "zod";
import { startDatabase } from "@/lib/db/client";
import { personaStats, statsCsv, type VersionFigures } from "@/lib/personas/versions-stats";
import { parseCli, runCli } from "./cli";

const usage = "usage: npm run stats -- <persona-id> [--days 30] [--csv yes]";

const schema = z.object({
  id: z.string({ error: "give a persona id" }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "is not a persona id"),
  days: z.coerce.number().int().min(1).max(365).default(30),
  csv: z.enum(["yes", "no"]).default("no"),
});

const line = (v: Omit<VersionFigures, "version"> & { version: string }) =>
  [
    v.version.padEnd(12),
    `conversations ${v.conversations}`,
    `messages ${v.messages}`,
    `api ${v.apiCalls}`,
    `people 7d ${v.users7}`,
    `30d ${v.users30}`,
    `returning ${v.returning}`,
    `👍 ${v.up} 👎 ${v.down}`,
    `reviews ${v.reviews}${v.rating === null ? "" : ` (${v.rating.toFixed(1)}★)`}`,
  ].join("  ");

runCli(usage, async () => {
  const { positionals, flags } = parseCli(process.argv.slice(2), ["days", "csv"]);
  const args = schema.parse({ id: positionals[0], days: flags.days, csv: flags.csv });
  const db = await startDatabase();
  const stats = await personaStats({ db, personaId: args.id, days: args.days });
  if (args.csv === "yes") return void process.stdout.write(statsCsv(stats));
  console.log(
    `${args.id}: ${stats.from} to ${stats.to} (UTC), stars now ${stats.total.stars}, published remixes ${stats.remixes}`,
  );
  console.log(line({ version: "all", ...stats.total }));
  for (const v of stats.versions) console.log(line(v));
});
