import "server-only";
import type Stripe from "stripe";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import type { Db } from "@/lib/db/client";
import { getStripeSubscription } from "@/lib/db/queries/stripe";
import { getUserById } from "@/lib/db/queries/users";
import { type Tier, tierAtLeast } from "@/lib/tiers";
import { stripeClient } from "./stripe-client";

/** Starts a Stripe Checkout session for a subscription to `tier`; returns the URL to send the user to. */
export async function createCheckoutSession({
  tier,
  userId,
  email,
  customerId,
  stripe,
}: {
  tier: Exclude<Tier, "free">;
  userId: string;
  email: string;
  customerId: string | null;
  /** The SDK client; the operator's by default. */
  stripe?: Stripe;
}): Promise<string> {
  const settings = env();
  const price = settings.stripe?.prices[tier];
  if (!settings.stripe || !price)
    throw new AppError(
      "bad_request",
      "Online payment is not available for this plan. Redeem a code instead.",
    );
  const client = stripe ?? stripeClient();
  let session: Stripe.Checkout.Session;
  try {
    session = await client.checkout.sessions.create({
      mode: "subscription",
      line_items: [{ price, quantity: 1 }],
      success_url: `${settings.siteUrl}/account?upgraded=1`,
      cancel_url: `${settings.siteUrl}/pricing`,
      client_reference_id: userId,
      subscription_data: { metadata: { userId } },
      metadata: { userId },
      ...(customerId ? { customer: customerId } : { customer_email: email }),
    });
  } catch (error) {
    const stripeError = error as { type?: string; statusCode?: number; code?: string };
    log.error(
      { type: stripeError.type, status: stripeError.statusCode, code: stripeError.code },
      "stripe checkout failed",
    );
    throw stripeError.type === "StripeConnectionError"
      ? new AppError("internal", "We could not reach the payment provider. Please try again in a minute.")
      : new AppError("internal", "The payment provider refused to start checkout. Please try again later.");
  }
  if (!session.url) {
    log.error({ sessionId: session.id }, "stripe checkout has no url");
    throw new AppError("internal", "The payment provider refused to start checkout. Please try again later.");
  }
  return session.url;
}

/**
 * The checkout a signed-in user asks for on /pricing: refused when their plan already includes the
 * tier, or when a subscription is running (one subscription per customer: a second checkout would
 * leave two running). Returns the Stripe URL to send them to.
 */
export async function startCheckout({
  db,
  viewer,
  tier,
}: {
  db: Db;
  viewer: { id: string; email: string; tier: Tier };
  tier: Exclude<Tier, "free">;
}): Promise<string> {
  if (tierAtLeast(viewer.tier, tier)) throw new AppError("conflict", "Your plan already includes this tier.");
  const user = await getUserById({ db, id: viewer.id });
  const current = user?.stripeCustomerId
    ? await getStripeSubscription({ db, customerId: user.stripeCustomerId })
    : undefined;
  if (current && ["active", "trialing", "past_due"].includes(current.status)) {
    throw new AppError(
      "conflict",
      "You already have a subscription. To change plans, use the link in your Stripe receipt or contact us.",
    );
  }
  return await createCheckoutSession({
    tier,
    userId: viewer.id,
    email: viewer.email,
    customerId: user?.stripeCustomerId ?? null,
  });
}
