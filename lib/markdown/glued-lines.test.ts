import { describe, expect, it } from "vitest";
import { gluedToList } from "./glued-lines";

describe("gluedToList", () => {
  it("finds a closing question written right after the last bullet", () => {
    expect(gluedToList("Hi!\n- one\n- two\nWhat now?")).toEqual([{ line: 4, text: "What now?" }]);
    expect(gluedToList("1. a\n2. b\nNext?")).toEqual([{ line: 3, text: "Next?" }]);
  });

  it("accepts a blank line, an indented continuation and code", () => {
    expect(gluedToList("- one\n- two\n\nWhat now?")).toEqual([]);
    expect(gluedToList("- one\n  more of one\n- two")).toEqual([]);
    expect(gluedToList("```\n- a\nb\n```\ntext")).toEqual([]);
  });
});
