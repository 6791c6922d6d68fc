import { describe, expect, it } from "vitest";
import { compareSemver } from "./semver";

describe("compareSemver", () => {
  it("orders by major, minor, patch, numerically", () => {
    expect(compareSemver("1.10.0", "1.9.0")).toBeGreaterThan(0);
    expect(compareSemver("2.0.0", "10.0.0")).toBeLessThan(0);
    expect(compareSemver("1.0.0", "1.0.0")).toBe(0);
  });
  it("puts a pre-release below its release, and ignores build metadata", () => {
    expect(compareSemver("1.0.0-beta.2", "1.0.0")).toBeLessThan(0);
    expect(compareSemver("1.0.0-beta.10", "1.0.0-beta.2")).toBeGreaterThan(0);
    expect(compareSemver("1.0.0+abc", "1.0.0")).toBe(0);
  });
});
