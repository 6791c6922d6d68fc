import "server-only";
import Stripe from "stripe";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

let cached: { key: string; client: Stripe } | undefined;

/** The Stripe SDK with the operator's secret key, made once per key. */
export function stripeClient(): Stripe {
  const stripe = env().stripe;
  if (!stripe) throw new AppError("bad_request", "Online payment is not available. Redeem a code instead.");
  if (cached?.key !== stripe.secretKey) {
    cached = {
      key: stripe.secretKey,
      client: new Stripe(stripe.secretKey, {
        maxNetworkRetries: 2,
        timeout: 15_000,
        appInfo: { name: "Persona Market" },
      }),
    };
  }
  return cached.client;
}
