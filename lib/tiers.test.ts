import { describe, expect, it } from "vitest";
import { TIERS, type Tier } from "@/lib/personas/schema";
import { TIER_LABELS, TIER_ORDER, unlocks } from "./tiers";

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
