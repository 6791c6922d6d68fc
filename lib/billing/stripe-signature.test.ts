import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signStripePayload, verifyStripeSignature } from "./stripe-signature";

const secret = "whsec_test_0123456789abcdef";
const payload = JSON.stringify({
  id: "evt_1",
  type: "customer.subscription.updated",
  created: 1_700_000_000,
});
const t = 1_700_000_000;
const now = t * 1000;

describe("signStripePayload", () => {
  it("produces Stripe's header: t=<seconds>,v1=<hex HMAC-SHA256 of `${t}.${body}`>", () => {
    const expected = createHmac("sha256", secret).update(`${t}.${payload}`).digest("hex");
    expect(signStripePayload({ payload, secret, timestamp: t })).toBe(`t=${t},v1=${expected}`);
  });
});

describe("verifyStripeSignature", () => {
  const header = signStripePayload({ payload, secret, timestamp: t });
  const v1 = header.split("v1=")[1]!;

  it("accepts a valid signature", () => {
    expect(verifyStripeSignature({ payload, header, secret, now })).toEqual({ ok: true });
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
    const other = signStripePayload({ payload, secret: "whsec_other", timestamp: t });
    expect(verifyStripeSignature({ payload, header: other, secret, now })).toEqual({
      ok: false,
      reason: "no_matching_signature",
    });
  });

  it("refuses a delivery 301 s old", () => {
    expect(verifyStripeSignature({ payload, header, secret, now: now + 301_000 })).toEqual({
      ok: false,
      reason: "outside_tolerance",
    });
  });

  it("refuses a timestamp 301 s in the future", () => {
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
    expect(verifyStripeSignature({ payload, header: null, secret, now })).toEqual({
      ok: false,
      reason: "missing_header",
    });
    expect(verifyStripeSignature({ payload, header: "  ", secret, now })).toEqual({
      ok: false,
      reason: "missing_header",
    });
  });

  it.each([
    ["no timestamp", `v1=${v1}`],
    ["no v1 signature", `t=${t}`],
    ["only a v0 signature", `t=${t},v0=${v1}`],
    ["a non-numeric timestamp", `t=abc,v1=${v1}`],
    ["two timestamps", `t=${t},t=${t},v1=${v1}`],
    ["a part without =", `t=${t},v1=${v1},garbage`],
    ["nonsense", "hello"],
  ])("refuses a malformed header: %s", (_, bad) => {
    expect(verifyStripeSignature({ payload, header: bad, secret, now })).toEqual({
      ok: false,
      reason: "malformed_header",
    });
  });

  it("accepts when any one of several v1 signatures matches (secret rotation), ignoring v0", () => {
    const old = signStripePayload({ payload, secret: "whsec_old", timestamp: t }).split("v1=")[1]!;
    const multi = `t=${t},v1=${old},v1=not-hex,v1=${v1},v0=${"0".repeat(64)}`;
    expect(verifyStripeSignature({ payload, header: multi, secret, now })).toEqual({ ok: true });
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
});
