import { describe, expect, it } from "vitest";
import { editDistance, stem, typoBudget } from "./search-words";

describe("stem", () => {
  it.each([
    ["negotiation", "negotiations", "negotiating", "negotiate"],
    ["designer", "designing", "designs", "design"],
    ["engineer", "engineering", "engineers"],
    ["statistics", "statistical", "statistically"],
    ["stories", "story"],
    ["optimise", "optimize", "optimization"],
    ["accessibility", "accessible"],
  ])("groups the forms of %s", (...forms) => {
    expect(new Set(forms.map(stem)).size).toBe(1);
  });

  it("leaves short words, numbers and -ss/-us words alone", () => {
    for (const w of ["ios", "api", "b2b", "class", "status", "process"]) expect(stem(w)).toBe(w);
  });
});

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and swaps of neighbours", () => {
    expect(editDistance("statistcs", "statistics", 2)).toBe(1);
    expect(editDistance("speach", "speech", 2)).toBe(1);
    expect(editDistance("teh", "the", 2)).toBe(1);
    expect(editDistance("postgress", "postgresql", 2)).toBe(2);
    expect(editDistance("same", "same", 2)).toBe(0);
  });

  it("stops at the budget", () => {
    expect(editDistance("kubernetes", "cucumber", 2)).toBe(3);
    expect(editDistance("a", "abcdef", 1)).toBe(2);
  });

  it("allows no typo below 5 letters, one up to 7, two from 8", () => {
    expect([4, 5, 7, 8, 12].map(typoBudget)).toEqual([0, 1, 1, 2, 2]);
  });
});
