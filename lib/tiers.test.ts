import { describe, expect, it } from "vitest";
import { TIERS, type Tier } from "@/lib/personas/schema";
import { CONCURRENT_STREAMS, TIER_LABELS, TIER_ORDER, tierAtLeast, unlocks } from "./tiers";

describe("TIER_ORDER", () => {
  it("orders free < pro < max, in the order TIERS lists them", () => {
    expect(TIER_ORDER.free).toBeLessThan(TIER_ORDER.pro);
    expect(TIER_ORDER.pro).toBeLessThan(TIER_ORDER.max);
    expect([...TIERS].sort((a, b) => TIER_ORDER[a] - TIER_ORDER[b])).toEqual([...TIERS]);
    expect(TIERS.map((t) => TIER_LABELS[t])).toEqual(["Free", "Pro", "Max"]);
  });
});

describe("unlocks", () => {
  // [viewer tier, persona tier, unlocked]; a visitor (null) has the free tier's access.
  const table: [Tier | null, Tier, boolean][] = [
    [null, "free", true],
    [null, "pro", false],
    [null, "max", false],
    ["free", "free", true],
    ["free", "pro", false],
    ["free", "max", false],
    ["pro", "free", true],
    ["pro", "pro", true],
    ["pro", "max", false],
    ["max", "free", true],
    ["max", "pro", true],
    ["max", "max", true],
  ];

  it.each(table)("viewer %s, persona %s -> %s", (viewer, persona, expected) => {
    expect(unlocks(viewer, persona)).toBe(expected);
  });

  it("covers every pair of tiers", () => {
    expect(table).toHaveLength((TIERS.length + 1) * TIERS.length);
  });
});

describe("tierAtLeast", () => {
  it("holds for the same tier and every tier below it, in TIERS order", () => {
    TIERS.forEach((tier, i) => TIERS.forEach((than, j) => expect(tierAtLeast(tier, than)).toBe(i >= j)));
  });
});

describe("CONCURRENT_STREAMS", () => {
  it("never falls as the tier rises, and a guest gets the fewest", () => {
    for (const tier of TIERS)
      expect(CONCURRENT_STREAMS[tier]).toBeGreaterThanOrEqual(CONCURRENT_STREAMS.guest);
    expect(TIERS.map((t) => CONCURRENT_STREAMS[t])).toEqual(
      TIERS.map((t) => CONCURRENT_STREAMS[t]).sort((a, b) => a - b),
    );
  });
});
