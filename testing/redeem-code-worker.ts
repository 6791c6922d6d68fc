/**
 * A separate process that redeems one code for one user, for the redeem race test, on the database its
 * environment names (DATABASE_URL, else DATABASE_PATH, as the app's):
 * it opens its own connection, says "ready", and redeems when a line arrives on stdin, so the test can
 * release several copies at the same moment. Run with tsx and `--conditions=react-server`.
 */
import { redeemCode } from "@/lib/billing/redeem";
import { closeDb, startDatabase } from "@/lib/db/client";

const [userId, code] = process.argv.slice(2);
if (!userId || !code) throw new Error("usage: redeem-code-worker <user id> <code>");
const db = await startDatabase();
process.stdout.write("ready\n");
process.stdin.once("data", async () => {
  let output: unknown;
  try {
    output = await redeemCode({ db, userId, code });
  } catch (error) {
    output = { error: error instanceof Error ? error.message : String(error) };
  }
  await closeDb();
  process.stdout.write(`${JSON.stringify(output)}\n`);
  process.exit(0);
});
