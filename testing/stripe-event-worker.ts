/**
 * A separate process that applies one Stripe event to a database file, for the webhook's concurrency test:
 * it opens its own connection, says "ready", and applies the event when a line arrives on stdin, so the
 * test can release several copies at the same moment. Run with tsx and `--conditions=react-server`.
 */
import { z } from "zod";
import { applyStripeEvent, stripeEventSchema } from "@/lib/billing/stripe-webhook";
import { openDatabase } from "@/lib/db/client";

const [file, eventJson, pricesJson] = process.argv.slice(2);
if (!file || !eventJson || !pricesJson)
  throw new Error("usage: stripe-event-worker <db file> <event json> <prices json>");
const { sqlite, db } = openDatabase(file);
const event = stripeEventSchema.parse(JSON.parse(eventJson));
const prices = z
  .object({ pro: z.string().optional(), max: z.string().optional() })
  .parse(JSON.parse(pricesJson));
process.stdout.write("ready\n");
process.stdin.once("data", async () => {
  const result = await applyStripeEvent({ db, event, prices });
  sqlite.close();
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
});
