import { describe, expect, it } from "vitest";
import {
  assertMayChat,
  CONCURRENT_STREAMS,
  mayChat,
  TIER_LABELS,
  TIER_ORDER,
  tierAtLeast,
  TIERS,
  unlocks,
  type Entitled,
  type Tier,
} from "./tiers";

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

describe("mayChat", () => {
  const visitor: Entitled = { kind: "visitor", tier: "free" };
  const guest: Entitled = { kind: "guest", tier: "free" };
  const user = (tier: Tier): Entitled => ({ kind: "user", tier });

  it("opens free personas to everyone, guests and visitors included", () => {
    for (const actor of [visitor, guest, ...TIERS.map(user)]) expect(mayChat(actor, "free")).toBe(true);
  });

  it("opens a paid persona only to a user whose tier unlocks it", () => {
    for (const persona of ["pro", "max"] as const) {
      expect(mayChat(visitor, persona)).toBe(false);
      expect(mayChat(guest, persona)).toBe(false);
      for (const tier of TIERS) expect(mayChat(user(tier), persona)).toBe(unlocks(tier, persona));
    }
  });

  it("refuses with a 403 that says what opens the persona", () => {
    const persona = { name: "Architect", tier: "max" as const };
    expect(() => assertMayChat(guest, persona)).toThrow(/Sign in and upgrade/);
    expect(() => assertMayChat(user("pro"), persona)).toThrow(/Upgrade your plan or redeem a code/);
    expect(() => assertMayChat(user("max"), persona)).not.toThrow();
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
