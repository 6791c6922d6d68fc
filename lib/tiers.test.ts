import { describe, expect, it } from "vitest";
import type { Tier } from "@/lib/personas/schema";
import { TIER_ORDER, unlocks } from "./tiers";

describe("unlocks", () => {
  const table: [viewer: Tier | null, persona: Tier, expected: boolean][] = [
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

  for (const [viewer, persona, expected] of table) {
    it(`${viewer ?? "a visitor"} ${expected ? "unlocks" : "does not unlock"} a ${persona} persona`, () => {
      expect(unlocks(viewer, persona)).toBe(expected);
    });
  }

  it("orders tiers free < pro < max", () => {
    expect(TIER_ORDER.free).toBeLessThan(TIER_ORDER.pro);
    expect(TIER_ORDER.pro).toBeLessThan(TIER_ORDER.max);
  });
});
