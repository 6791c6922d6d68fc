/**
 * Operator CLI for roles (today: moderator), kept in the database with their history.
 *   npm run roles -- grant <email> moderator
 *   npm run roles -- revoke <email> moderator
 *   npm run roles -- list
 */
import { z } from "zod";
import { emailSchema } from "@/lib/auth/validation";
import { startDatabase } from "@/lib/db/client";
import { changeRole, listRoleChanges, listRoleHolders } from "@/lib/db/queries/moderation";
import { getUserByEmail } from "@/lib/db/queries/users";
import { ROLES } from "@/lib/db/schema";
import { parseCli, runCli, CliError } from "./cli";

const usage =
  "usage: npm run roles -- grant <email> moderator\n       npm run roles -- revoke <email> moderator\n       npm run roles -- list";

const role = z.enum(ROLES, { error: `the role must be one of: ${ROLES.join(", ")}` });
const schema = z.discriminatedUnion(
  "command",
  [
    z.object({ command: z.literal("grant"), email: emailSchema, role }),
    z.object({ command: z.literal("revoke"), email: emailSchema, role }),
    z.object({ command: z.literal("list") }),
  ],
  { error: "the command must be grant, revoke or list" },
);

runCli(usage, async () => {
  const { positionals } = parseCli(process.argv.slice(2), []);
  const args = schema.parse({ command: positionals[0], email: positionals[1], role: positionals[2] });
  const db = await startDatabase();
  if (args.command === "list") {
    const holders = await listRoleHolders({ db });
    if (holders.length === 0) console.log("nobody holds a role");
    for (const h of holders) console.log(`${h.email}  ${h.role}  since ${h.grantedAt.toISOString()}`);
    const history = await listRoleChanges({ db, limit: 20 });
    if (history.length) console.log("\nlatest changes:");
    for (const c of history)
      console.log(`  ${c.createdAt.toISOString()}  ${c.action} ${c.role}  ${c.email}  (by ${c.by})`);
    return;
  }
  const user = await getUserByEmail({ db, email: args.email });
  if (!user || user.isGuest) throw new CliError(`no account has the email ${args.email}`);
  const changed = await db.transaction(
    async (tx) =>
      await changeRole({
        db: tx,
        userId: user.id,
        email: user.email,
        role: args.role,
        action: args.command,
        by: "operator (cli)",
      }),
    { behavior: "immediate" },
  );
  const verb = args.command === "grant" ? "granted" : "revoked";
  console.log(
    changed
      ? `${user.email}: ${args.role} ${verb}`
      : `${user.email} ${args.command === "grant" ? "is already" : "is not"} a ${args.role}`,
  );
});
