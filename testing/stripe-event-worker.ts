/**
 * A separate process that applies one Stripe event, for the webhook's concurrency test, to the database
 * its environment names (DATABASE_URL, else DATABASE_PATH, as the app's):
 * it opens its own connection, says "ready", and applies the event when a line arrives on stdin, so the
 * test can release several copies at the same moment. Run with tsx and `--conditions=react-server`.
 */
import { z } from "zod";
import { applyStripeEvent, stripeEventSchema } from "@/lib/billing/stripe-webhook";
import { closeDb, startDatabase } from "@/lib/db/client";

const [eventJson, pricesJson] = process.argv.slice(2);
if (!eventJson || !pricesJson) throw new Error("usage: stripe-event-worker <event json> <prices json>");
const db = await startDatabase();
const event = stripeEventSchema.parse(JSON.parse(eventJson));
const prices = z
  .object({ pro: z.string().optional(), max: z.string().optional() })
  .parse(JSON.parse(pricesJson));
process.stdout.write("ready\n");
process.stdin.once("data", async () => {
  const result = await applyStripeEvent({ db, event, prices });
  await closeDb();
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
});
