import { describe, expect, it } from "vitest";
import { canonicalCode, codeHint, generateCode, hashCode } from "./codes";

// Crockford's base32: digits and letters without I, L, O and U.
const FORMAT = /^PM-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

describe("generateCode", () => {
  it("makes PM- and four groups of four Crockford base32 characters", () => {
    for (let i = 0; i < 200; i++) expect(generateCode()).toMatch(FORMAT);
  });

  it("does not repeat itself", () => {
    const codes = new Set(Array.from({ length: 1000 }, generateCode));
    expect(codes.size).toBe(1000);
  });
});

describe("canonicalCode", () => {
  it("drops the prefix, dashes and spaces and upper-cases", () => {
    expect(canonicalCode("PM-7K3Q-X9D2-M4TB-Q8ZA")).toBe("7K3QX9D2M4TBQ8ZA");
    expect(canonicalCode("pm-7k3q-x9d2-m4tb-q8za")).toBe("7K3QX9D2M4TBQ8ZA");
    expect(canonicalCode(" 7k3q x9d2 m4tb q8za ")).toBe("7K3QX9D2M4TBQ8ZA");
    expect(canonicalCode("7K3QX9D2M4TBQ8ZA")).toBe("7K3QX9D2M4TBQ8ZA");
    expect(canonicalCode("PM7K3QX9D2M4TBQ8ZA")).toBe("7K3QX9D2M4TBQ8ZA");
  });

  it("reads O as zero and I or L as one, the way Crockford's alphabet intends", () => {
    expect(canonicalCode("PM-OOOO-IIII-LLLL-oil0")).toBe("0000111111110110");
  });

  it("keeps a leading PM that is part of a short input (only a full-length code carries the prefix)", () => {
    expect(canonicalCode("PM-12")).toBe("PM12");
  });

  it("is idempotent on generated codes", () => {
    for (let i = 0; i < 50; i++) {
      const code = generateCode();
      const canonical = canonicalCode(code);
      expect(canonical).toHaveLength(16);
      expect(canonicalCode(canonical)).toBe(canonical);
      expect(`PM-${canonical.match(/.{4}/g)!.join("-")}`).toBe(code);
    }
  });
});

describe("hashCode", () => {
  it("is a stable SHA-256 hex digest of the canonical code", () => {
    const hash = hashCode("PM-7K3Q-X9D2-M4TB-Q8ZA");
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashCode("PM-7K3Q-X9D2-M4TB-Q8ZA")).toBe(hash);
    // sha256("7K3QX9D2M4TBQ8ZA"): pinned so a change of scheme (which would orphan stored codes) is noticed.
    expect(hash).toBe("5d8a4a11532b447c5405b5043a5c5a639f892e50dfd73622e2cde37aab510dbe");
  });

  it("is the same for every way of typing one code and differs between codes", () => {
    const hash = hashCode("PM-7K3Q-X9D2-M4TB-Q8ZA");
    for (const typed of [
      "pm-7k3q-x9d2-m4tb-q8za",
      "7K3Q X9D2 M4TB Q8ZA",
      "7k3qx9d2m4tbq8za",
      "PM 7K3Q-X9D2 M4TB-Q8ZA",
    ]) {
      expect(hashCode(typed), typed).toBe(hash);
    }
    expect(hashCode("PM-7K3Q-X9D2-M4TB-Q8ZB")).not.toBe(hash);
  });
});

describe("codeHint", () => {
  it("shows the prefix and the first group only", () => {
    expect(codeHint("pm-7k3q-x9d2-m4tb-q8za")).toBe("PM-7K3Q…");
  });
});
