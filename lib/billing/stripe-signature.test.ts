import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { verifyStripeSignature } from "./stripe-signature";

const secret = "whsec_test_0123456789abcdef";
const event = { id: "evt_1", object: "event", type: "customer.subscription.updated", created: 1_700_000_000 };
const payload = JSON.stringify(event);
const t = 1_700_000_000;
const now = t * 1000;
const sign = (body: string, key = secret, timestamp = t) =>
  Stripe.webhooks.generateTestHeaderString({ payload: body, secret: key, timestamp });

describe("verifyStripeSignature (Stripe's SDK)", () => {
  const header = sign(payload);
  const v1 = header.split("v1=")[1]!;

  it("accepts a valid signature and gives the parsed event", () => {
    expect(verifyStripeSignature({ payload, header, secret, now })).toEqual({ ok: true, event });
  });

  it("verifies the raw bytes as sent", () => {
    const bytes = Buffer.from(payload, "utf8");
    expect(verifyStripeSignature({ payload: bytes, header, secret, now })).toMatchObject({ ok: true });
    // One byte that is not UTF-8 would decode to U+FFFD: the bytes no longer match what was signed.
    const mangled = Buffer.concat([bytes.subarray(0, -1), Buffer.from([0xff]), bytes.subarray(-1)]);
    expect(verifyStripeSignature({ payload: mangled, header, secret, now }).ok).toBe(false);
  });

  it("accepts at exactly the tolerance, in both directions", () => {
    expect(verifyStripeSignature({ payload, header, secret, now: now + 300_000 }).ok).toBe(true);
    expect(verifyStripeSignature({ payload, header, secret, now: now - 300_000 }).ok).toBe(true);
  });

  it("refuses a tampered payload", () => {
    const tampered = payload.replace("updated", "deleted");
    expect(verifyStripeSignature({ payload: tampered, header, secret, now })).toEqual({
      ok: false,
      reason: "no_matching_signature",
    });
    expect(verifyStripeSignature({ payload: `${payload} `, header, secret, now }).ok).toBe(false);
  });

  it("refuses a tampered timestamp", () => {
    const moved = header.replace(`t=${t}`, `t=${t + 1}`);
    expect(verifyStripeSignature({ payload, header: moved, secret, now })).toEqual({
      ok: false,
      reason: "no_matching_signature",
    });
  });

  it("refuses a signature made with another secret", () => {
    expect(verifyStripeSignature({ payload, header: sign(payload, "whsec_other"), secret, now })).toEqual({
      ok: false,
      reason: "no_matching_signature",
    });
  });

  it("refuses a delivery 301 s old (a replay)", () => {
    expect(verifyStripeSignature({ payload, header, secret, now: now + 301_000 })).toEqual({
      ok: false,
      reason: "outside_tolerance",
    });
  });

  it("refuses a timestamp 301 s in the future (the SDK alone would let it through)", () => {
    expect(verifyStripeSignature({ payload, header, secret, now: now - 301_000 })).toEqual({
      ok: false,
      reason: "outside_tolerance",
    });
  });

  it("honours a custom tolerance", () => {
    expect(
      verifyStripeSignature({ payload, header, secret, now: now + 11_000, toleranceSeconds: 10 }).ok,
    ).toBe(false);
  });

  it("refuses a missing header", () => {
    for (const missing of [null, "", "  "])
      expect(verifyStripeSignature({ payload, header: missing, secret, now })).toEqual({
        ok: false,
        reason: "missing_header",
      });
  });

  it.each([
    ["no timestamp", `v1=${v1}`, "malformed_header"],
    ["no v1 signature", `t=${t}`, "malformed_header"],
    ["only a v0 signature", `t=${t},v0=${v1}`, "malformed_header"],
    ["nonsense", "hello", "malformed_header"],
    ["a non-numeric timestamp", `t=abc,v1=${v1}`, "no_matching_signature"],
  ])("refuses a malformed header: %s", (_, bad, reason) => {
    expect(verifyStripeSignature({ payload, header: bad, secret, now })).toEqual({ ok: false, reason });
  });

  it("accepts when any one of several v1 signatures matches (secret rotation), ignoring v0", () => {
    const old = sign(payload, "whsec_old").split("v1=")[1]!;
    const multi = `t=${t},v1=${old},v1=not-hex,v1=${v1},v0=${"0".repeat(64)}`;
    expect(verifyStripeSignature({ payload, header: multi, secret, now })).toMatchObject({ ok: true });
  });

  it("refuses when none of several v1 signatures matches", () => {
    const multi = `t=${t},v1=${"a".repeat(64)},v1=${"b".repeat(64)}`;
    expect(verifyStripeSignature({ payload, header: multi, secret, now })).toEqual({
      ok: false,
      reason: "no_matching_signature",
    });
  });

  it("is not fooled by a truncated signature", () => {
    const short = `t=${t},v1=${v1.slice(0, 32)}`;
    expect(verifyStripeSignature({ payload, header: short, secret, now }).ok).toBe(false);
  });

  it("a correctly signed body that is not JSON is refused as such", () => {
    expect(verifyStripeSignature({ payload: "not json", header: sign("not json"), secret, now })).toEqual({
      ok: false,
      reason: "not_json",
    });
  });
});
