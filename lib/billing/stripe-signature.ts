import Stripe from "stripe";

export type SignatureCheck =
  | { ok: true; event: unknown }
  | {
      ok: false;
      reason:
        "missing_header" | "malformed_header" | "no_matching_signature" | "outside_tolerance" | "not_json";
    };

export const TOLERANCE_SECONDS = 300;

function reasonOf(error: unknown): Exclude<SignatureCheck, { ok: true }>["reason"] {
  if (error instanceof SyntaxError) return "not_json";
  const message = error instanceof Error ? error.message : "";
  if (/No stripe-signature header/i.test(message)) return "missing_header";
  if (/Unable to extract timestamp|expected scheme/i.test(message)) return "malformed_header";
  if (/tolerance/i.test(message)) return "outside_tolerance";
  return "no_matching_signature";
}

/**
 * Checks a delivery with Stripe's SDK (`webhooks.constructEvent` over the raw bytes): a v1
 * HMAC-SHA256 signature with the endpoint secret and a timestamp no older than the tolerance. The SDK
 * lets a timestamp from the future through; a pre-dated delivery is refused here as well.
 */
export function verifyStripeSignature({
  payload,
  header,
  secret,
  toleranceSeconds = TOLERANCE_SECONDS,
  now = Date.now(),
}: {
  payload: Uint8Array | string;
  header: string | null;
  secret: string;
  toleranceSeconds?: number;
  now?: number;
}): SignatureCheck {
  if (!header?.trim()) return { ok: false, reason: "missing_header" };
  let event: unknown;
  try {
    event = Stripe.webhooks.constructEvent(payload, header, secret, toleranceSeconds, undefined, now);
  } catch (error) {
    return { ok: false, reason: reasonOf(error) };
  }
  // The SDK signs against the last `t=` in the header; so does this check.
  const timestamp = Number([...header.matchAll(/(?:^|,)t=(\d+)/g)].at(-1)?.[1]);
  if (timestamp - Math.floor(now / 1000) > toleranceSeconds)
    return { ok: false, reason: "outside_tolerance" };
  return { ok: true, event };
}
