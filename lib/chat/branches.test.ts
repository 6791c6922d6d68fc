import { describe, expect, it } from "vitest";
import type { TreeRow } from "@/lib/db/queries/message-tree";
import { buildTree, editedAt, pathThrough, versionsOf } from "./branches";

let order = 0;
const row = (
  id: string,
  role: "user" | "assistant",
  parentId: string | null,
  active = true,
  extra: Partial<TreeRow> = {},
): TreeRow => ({
  id,
  role,
  parentId,
  active,
  replyGroup: null,
  shownAt: new Date(1000 + ++order),
  order,
  ...extra,
});

describe("the conversation tree", () => {
  it("versions of a turn share a parent; choosing one shows what was chosen last below it", () => {
    const rows = [
      row("g", "assistant", null),
      row("u1", "user", "g", false),
      row("a1", "assistant", "u1", false),
      row("u2", "user", "a1", false),
      row("a2", "assistant", "u2", false),
      row("a2b", "assistant", "u2", false),
      row("u1e", "user", "g"),
      row("a1e", "assistant", "u1e"),
    ];
    const tree = buildTree(rows);
    expect(versionsOf(tree, "u1e").map((r) => r.id)).toEqual(["u1", "u1e"]);
    expect(versionsOf(tree, "a2").map((r) => r.id)).toEqual(["a2", "a2b"]);
    expect(versionsOf(tree, "a1e").map((r) => r.id)).toEqual(["a1e"]);
    // Back to the first question: its branch, down to the reply written last.
    expect(pathThrough(tree, "u1")).toEqual(["g", "u1", "a1", "u2", "a2b"]);
    // a2 chosen later than a2b: that branch remembers it.
    rows[4]!.shownAt = new Date(9999);
    expect(pathThrough(buildTree(rows), "u1")).toEqual(["g", "u1", "a1", "u2", "a2"]);
  });

  it("infers the parents of messages written before parents were stored", () => {
    const rows = [
      row("g", "assistant", null),
      row("u1", "user", null),
      row("old", "assistant", null, false, { replyGroup: "old" }),
      row("a1", "assistant", null, true, { replyGroup: "old" }),
      row("gone", "user", null, false),
      row("u2", "user", "a1"),
    ];
    const tree = buildTree(rows);
    expect(tree.parentOf.get("u1")).toBe("g");
    expect(versionsOf(tree, "a1").map((r) => r.id)).toEqual(["old", "a1"]);
    expect(tree.parentOf.has("gone")).toBe(false);
    expect(pathThrough(tree, "old")).toEqual(["g", "u1", "old"]);
  });

  it("an edit names a message of the user's", () => {
    const path = [{ role: "assistant" }, { role: "user" }, { role: "assistant" }];
    expect(editedAt(path, undefined)).toBe(1);
    expect(editedAt(path, 1)).toBe(1);
    expect(() => editedAt(path, 2)).toThrow(/no message of yours there/);
    expect(() => editedAt([{ role: "assistant" }], undefined)).toThrow(/no message of yours to edit/);
  });
});
