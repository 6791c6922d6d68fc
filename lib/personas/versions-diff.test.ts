import { describe, expect, it } from "vitest";
import { diffWords } from "./versions-diff";

const apply = (parts: ReturnType<typeof diffWords>, side: "before" | "after") =>
  parts
    .filter((p) => p.op === "same" || p.op === (side === "before" ? "removed" : "added"))
    .map((p) => p.text)
    .join("");

describe("diffWords", () => {
  it("marks the words that changed and keeps the rest", () => {
    expect(diffWords("You are a careful reviewer.", "You are a strict, careful reviewer.")).toEqual([
      { op: "same", text: "You are a " },
      { op: "added", text: "strict, " },
      { op: "same", text: "careful reviewer." },
    ]);
    expect(diffWords("one two three", "one three")).toEqual([
      { op: "same", text: "one " },
      { op: "removed", text: "two " },
      { op: "same", text: "three" },
    ]);
  });

  it("never splits a word: a changed word is removed and added whole", () => {
    const parts = diffWords("colour me red", "color me red");
    expect(parts[0]).toEqual({ op: "removed", text: "colour" });
    expect(parts[1]).toEqual({ op: "added", text: "color" });
  });

  it("gives back both texts exactly, for edits anywhere and of any size", () => {
    const words = Array.from({ length: 300 }, (_, i) => `w${i % 37}`);
    const before = words.join(" ");
    const after = words
      .map((w, i) => (i % 11 === 0 ? `${w}x` : w))
      .filter((_, i) => i % 17 !== 0)
      .join(" ")
      .concat(" tail\nend");
    for (const [x, y] of [
      [before, after],
      ["", "all new"],
      ["all gone", ""],
      ["same", "same"],
      [after, before],
    ] as const) {
      const parts = diffWords(x, y);
      expect(apply(parts, "before")).toBe(x);
      expect(apply(parts, "after")).toBe(y);
    }
  });

  it("shows a rewrite of a long text as one removal and one addition", () => {
    const a = Array.from({ length: 6000 }, (_, i) => `a${i}`).join(" ");
    const b = Array.from({ length: 6000 }, (_, i) => `b${i}`).join(" ");
    const parts = diffWords(a, b);
    expect(parts.map((p) => p.op)).toEqual(["removed", "added"]);
  });
});
