/**
 * Operator CLI for API keys.
 *   npm run api-keys -- create <email> [--name N]   prints the new key once, on stdout
 *   npm run api-keys -- list <email>
 *   npm run api-keys -- revoke <key id>
 */
import { z } from "zod";
import {
  apiKeyIdSchema,
  apiKeyNameSchema,
  createApiKey,
  listApiKeySummaries,
  revokeApiKey,
} from "@/lib/api/keys";
import { emailSchema } from "@/lib/auth/validation";
import { startDatabase } from "@/lib/db/client";
import { getUserByEmail } from "@/lib/db/queries/users";
import { hasApiAccess, TIER_LABELS } from "@/lib/tiers";
import { CliError, parseCli, runCli } from "./cli";

const usage = [
  "usage: npm run api-keys -- create <email> [--name N]",
  "       npm run api-keys -- list <email>",
  "       npm run api-keys -- revoke <key id>",
].join("\n");

const schema = z.discriminatedUnion(
  "command",
  [
    z.object({
      command: z.literal("create"),
      email: emailSchema,
      name: apiKeyNameSchema.default("Operator key"),
    }),
    z.object({ command: z.literal("list"), email: emailSchema }),
    z.object({ command: z.literal("revoke"), id: apiKeyIdSchema }),
  ],
  { error: "the command must be create, list or revoke" },
);

const when = (d: Date | null) => (d ? d.toISOString().replace(/\.\d{3}Z$/, "Z") : "never");

runCli(usage, async () => {
  const { positionals, flags } = parseCli(process.argv.slice(2), ["name"]);
  const [command, target] = positionals;
  const args = schema.parse(
    command === "revoke" ? { command, id: target } : { command, email: target, name: flags.name },
  );
  const db = await startDatabase();
  if (args.command === "revoke") {
    const { revoked, key } = await revokeApiKey({ db, id: args.id, by: "operator" });
    console.log(revoked ? `revoked ${key.id} (${key.name}, ${key.prefix})` : `${key.id} was already revoked`);
    return;
  }
  const user = await getUserByEmail({ db, email: args.email });
  if (!user || user.isGuest) throw new CliError(`no account has the email ${args.email}`);
  if (args.command === "create") {
    const { key, summary } = await createApiKey({ db, userId: user.id, name: args.name, by: "operator" });
    console.log(key);
    console.error(`API key ${summary.id} "${summary.name}" for ${user.email}. It is shown only this once.`);
    if (!hasApiAccess(user.tier)) {
      console.error(
        `note: ${user.email} has ${TIER_LABELS[user.tier]}, which does not include the API: the key is refused until they upgrade.`,
      );
    }
    return;
  }
  const keys = await listApiKeySummaries({ db, userId: user.id });
  if (!keys.length) console.log(`${user.email} has no API keys`);
  for (const k of keys) {
    const state = k.revokedAt ? `revoked ${when(k.revokedAt)}` : "live";
    console.log(
      `${k.id}  ${k.prefix}  ${k.name}  created ${when(k.createdAt)}  last used ${when(k.lastUsedAt)}  ${state}`,
    );
  }
});
