import { describe, expect, it } from "vitest";
import { diffLines } from "./diff";

describe("diffLines", () => {
  it("pairs equal lines and marks what was removed and added", () => {
    const rows = diffLines("a\nb\nc", "a\nx\nc");
    expect(rows.map((r) => r.kind)).toEqual(["same", "removed", "added", "same"]);
  });
  it("shows a first version as all added", () => {
    expect(diffLines("", "one\ntwo").filter((r) => r.kind === "added")).toHaveLength(2);
  });
});
