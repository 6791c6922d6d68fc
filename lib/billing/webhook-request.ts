import "server-only";
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { invalidInput } from "@/lib/http/json-error";
import { readBodyBytes } from "@/lib/http/read-body";
import { audit } from "@/lib/log";
import { verifyStripeSignature } from "./stripe-signature";
import { applyStripeEvent, stripeEventSchema } from "./stripe-webhook";

const MAX_BODY_BYTES = 1024 * 1024;

const SIGNATURE_MESSAGES = {
  missing_header: "The Stripe-Signature header is missing.",
  malformed_header: "The Stripe-Signature header is malformed.",
  no_matching_signature: "No signature in the Stripe-Signature header matches this body.",
  outside_tolerance: "The Stripe-Signature timestamp is outside the 5-minute tolerance.",
  not_json: "The body is not valid JSON.",
} as const;

/**
 * A call from Stripe: the signature over the raw body is the authentication (there is no session or
 * Origin), checked over the bytes as sent before they are decoded or parsed; nothing is written
 * without it. 404 when Stripe is not configured.
 */
export async function receiveStripeWebhook({ db, request }: { db: Db; request: Request }) {
  const stripe = env().stripe;
  if (!stripe) throw new AppError("not_found", "Stripe is not configured");
  const payload = await readBodyBytes(request, MAX_BODY_BYTES);
  const check = verifyStripeSignature({
    payload,
    header: request.headers.get("stripe-signature"),
    secret: stripe.webhookSecret,
  });
  if (!check.ok) {
    audit("billing.webhook_rejected", { reason: check.reason });
    throw new AppError("bad_request", SIGNATURE_MESSAGES[check.reason]);
  }
  const parsed = stripeEventSchema.safeParse(check.event);
  if (!parsed.success) throw invalidInput(parsed.error, "event");
  const result = await applyStripeEvent({ db, event: parsed.data, prices: stripe.prices });
  return { received: true, duplicate: result.duplicate };
}
