/**
 * Operator CLI for a user's tier.
 *   npm run tier -- grant <email> <free|pro|max>
 *   npm run tier -- show <email>
 */
import { z } from "zod";
import { emailSchema } from "@/lib/auth/validation";
import { startDatabase } from "@/lib/db/client";
import { listTierChanges, setUserTier } from "@/lib/db/queries/tiers";
import { getUserByEmail } from "@/lib/db/queries/users";
import { TIERS } from "@/lib/tiers";
import { parseCli, runCli, CliError } from "./cli";

const usage = "usage: npm run tier -- grant <email> <free|pro|max>\n       npm run tier -- show <email>";

const schema = z.discriminatedUnion(
  "command",
  [
    z.object({
      command: z.literal("grant"),
      email: emailSchema,
      tier: z.enum(TIERS, { error: "tier must be free, pro or max" }),
    }),
    z.object({ command: z.literal("show"), email: emailSchema }),
  ],
  { error: "the command must be grant or show" },
);

runCli(usage, async () => {
  const { positionals } = parseCli(process.argv.slice(2), []);
  const args = schema.parse({ command: positionals[0], email: positionals[1], tier: positionals[2] });
  const db = await startDatabase();
  const user = await getUserByEmail({ db, email: args.email });
  if (!user) throw new CliError(`no account has the email ${args.email}`);
  if (args.command === "grant") {
    const result = await db.transaction(
      async (tx) =>
        await setUserTier({ db: tx, userId: user.id, tier: args.tier, source: "operator", reference: "cli" }),
      { behavior: "immediate" },
    );
    console.log(
      result?.changed
        ? `${user.email}: ${result.from} -> ${args.tier}`
        : `${user.email} already has ${args.tier}`,
    );
    return;
  }
  console.log(`${user.email}: ${user.tier} since ${user.tierSince.toISOString()} (${user.tierSource})`);
  for (const h of await listTierChanges({ db, userId: user.id })) {
    console.log(
      `  ${h.createdAt.toISOString()}  ${h.fromTier} -> ${h.toTier}  ${h.source}${h.reference ? ` (${h.reference})` : ""}`,
    );
  }
});
