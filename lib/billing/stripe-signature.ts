import { createHmac, timingSafeEqual } from "node:crypto";

export type SignatureCheck =
  | { ok: true }
  | {
      ok: false;
      reason: "missing_header" | "malformed_header" | "no_matching_signature" | "outside_tolerance";
    };

const SIGNATURE_HEX = /^[0-9a-f]{64}$/;

function sign(payload: string, secret: string, timestamp: number): string {
  return createHmac("sha256", secret).update(`${timestamp}.${payload}`, "utf8").digest("hex");
}

/** `t=…,v1=…,v1=…` -> the timestamp and every v1 signature; other schemes (v0) are ignored. */
function parseHeader(header: string): { timestamp: number; signatures: string[] } | null {
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const at = part.indexOf("=");
    if (at <= 0) return null;
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (key === "t") {
      if (timestamp !== null || !/^\d{1,12}$/.test(value)) return null;
      timestamp = Number(value);
    } else if (key === "v1") {
      signatures.push(value.toLowerCase());
    }
  }
  if (timestamp === null || signatures.length === 0) return null;
  return { timestamp, signatures };
}

/**
 * Checks a `Stripe-Signature` header the way Stripe documents it: HMAC-SHA256 of `${t}.${rawBody}`
 * with the endpoint secret, compared in constant time against each v1 signature, and a timestamp
 * within `toleranceSeconds` of now in either direction (a replayed or pre-dated delivery is refused).
 */
export function verifyStripeSignature({
  payload,
  header,
  secret,
  toleranceSeconds = 300,
  now = Date.now(),
}: {
  payload: string;
  header: string | null;
  secret: string;
  toleranceSeconds?: number;
  now?: number;
}): SignatureCheck {
  if (!header?.trim()) return { ok: false, reason: "missing_header" };
  const parsed = parseHeader(header);
  if (!parsed) return { ok: false, reason: "malformed_header" };
  const expected = Buffer.from(sign(payload, secret, parsed.timestamp), "hex");
  // Every candidate is compared (no early exit) so timing says nothing about which one matched.
  let matched = false;
  for (const candidate of parsed.signatures) {
    if (!SIGNATURE_HEX.test(candidate)) continue;
    if (timingSafeEqual(expected, Buffer.from(candidate, "hex"))) matched = true;
  }
  if (!matched) return { ok: false, reason: "no_matching_signature" };
  if (Math.abs(Math.floor(now / 1000) - parsed.timestamp) > toleranceSeconds)
    return { ok: false, reason: "outside_tolerance" };
  return { ok: true };
}

/** A `Stripe-Signature` header for `payload`, byte for byte what Stripe sends (for tests and local tooling). */
export function signStripePayload({
  payload,
  secret,
  timestamp = Math.floor(Date.now() / 1000),
}: {
  payload: string;
  secret: string;
  timestamp?: number;
}): string {
  return `t=${timestamp},v1=${sign(payload, secret, timestamp)}`;
}
