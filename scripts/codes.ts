/**
 * Operator CLI for redeem codes.
 *   npm run codes -- create <free|pro|max> [--count N] [--days D]
 */
import { z } from "zod";
import { createCodes } from "@/lib/billing/redeem";
import { startDatabase } from "@/lib/db/client";
import { TIERS } from "@/lib/tiers";
import { parseCli, runCli } from "./cli";

const usage = "usage: npm run codes -- create <pro|max> [--count N] [--days D]";

const schema = z.object({
  command: z.literal("create", { error: "the only command is: create" }),
  tier: z.enum(TIERS.filter((t) => t !== "free") as ["pro", "max"], { error: "tier must be pro or max" }),
  count: z.coerce
    .number({ error: "--count must be a number" })
    .int()
    .min(1, "--count must be at least 1")
    .max(1000, "--count must be at most 1000")
    .default(1),
  days: z.coerce
    .number({ error: "--days must be a number" })
    .int()
    .min(1, "--days must be at least 1")
    .max(3650)
    .optional(),
});

runCli(usage, async () => {
  const { positionals, flags } = parseCli(process.argv.slice(2), ["count", "days"]);
  const args = schema.parse({
    command: positionals[0],
    tier: positionals[1],
    count: flags.count,
    days: flags.days,
  });
  const { codes, expiresAt } = await createCodes({
    db: await startDatabase(),
    tier: args.tier,
    count: args.count,
    days: args.days,
  });
  for (const code of codes) console.log(code);
  console.error(
    `${codes.length} ${args.tier} code(s), ${expiresAt ? `valid until ${expiresAt.toISOString()}` : "valid until used"}.`,
  );
});
