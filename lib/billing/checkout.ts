import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Tier } from "@/lib/personas/schema";

/** Starts a Stripe Checkout session for a subscription to `tier`; returns the URL to send the user to. */
export async function createCheckoutSession({
  tier,
  userId,
  email,
  customerId,
}: {
  tier: Exclude<Tier, "free">;
  userId: string;
  email: string;
  customerId: string | null;
}): Promise<string> {
  const { stripe, siteUrl } = env();
  const price = stripe?.prices[tier];
  if (!stripe || !price) throw new AppError("bad_request", "Online payment is not available for this plan. Redeem a code instead.");
  const params = new URLSearchParams({
    mode: "subscription",
    "line_items[0][price]": price,
    "line_items[0][quantity]": "1",
    success_url: `${siteUrl}/account?upgraded=1`,
    cancel_url: `${siteUrl}/pricing`,
    client_reference_id: userId,
    "subscription_data[metadata][userId]": userId,
    "metadata[userId]": userId,
  });
  if (customerId) params.set("customer", customerId);
  else params.set("customer_email", email);
  const response = await fetch("https://api.stripe.com/v1/checkout/sessions", {
    method: "POST",
    headers: { Authorization: `Bearer ${stripe.secretKey}`, "Content-Type": "application/x-www-form-urlencoded" },
    body: params,
    signal: AbortSignal.timeout(15_000),
  }).catch((cause) => {
    console.error("stripe checkout failed", cause);
    throw new AppError("internal", "We could not reach the payment provider. Please try again in a minute.");
  });
  const body = (await response.json().catch(() => ({}))) as { url?: string; error?: { message?: string } };
  if (!response.ok || !body.url) {
    console.error("stripe checkout refused", response.status, body.error?.message);
    throw new AppError("internal", "The payment provider refused to start checkout. Please try again later.");
  }
  return body.url;
}
