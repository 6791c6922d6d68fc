/**
 * A separate process that redeems one code for one user on a database file, for the redeem race test:
 * it opens its own connection, says "ready", and redeems when a line arrives on stdin, so the test can
 * release several copies at the same moment. Run with tsx and `--conditions=react-server`.
 */
import { redeemCode } from "@/lib/billing/redeem";
import { openDatabase } from "@/lib/db/client";

const [file, userId, code] = process.argv.slice(2);
if (!file || !userId || !code) throw new Error("usage: redeem-code-worker <db file> <user id> <code>");
const { sqlite, db } = openDatabase(file);
process.stdout.write("ready\n");
process.stdin.once("data", async () => {
  let output: unknown;
  try {
    output = await redeemCode({ db, userId, code });
  } catch (error) {
    output = { error: error instanceof Error ? error.message : String(error) };
  }
  sqlite.close();
  process.stdout.write(`${JSON.stringify(output)}\n`);
  process.exit(0);
});
