import { AppError } from "@/lib/errors";
import type { TreeRow } from "@/lib/db/queries/message-tree";

/**
 * A conversation as a tree. Each message follows a parent (the greeting is the root); messages with
 * the same parent are versions of one turn: the edits of a message of the user's, the regenerated
 * replies to one. The shown path is stored (messages.active) so the chat reads it in one query;
 * this module works out the rest. Messages written before parents were stored have none: their
 * parent is inferred (the message before them on the path; a reply's other versions, its parent),
 * and a message edited away then, which had no way back, stays out of the tree.
 */
export type Tree = {
  rows: Map<string, TreeRow>;
  parentOf: Map<string, string | null>;
  childrenOf: Map<string | null, TreeRow[]>;
};

export function buildTree(rows: readonly TreeRow[]): Tree {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const parentOf = new Map<string, string | null>();
  let previousActive: string | null = null;
  rows.forEach((r, i) => {
    if (i === 0) parentOf.set(r.id, null);
    else if (r.parentId && byId.has(r.parentId)) parentOf.set(r.id, r.parentId);
    else if (!r.parentId && r.active) parentOf.set(r.id, previousActive);
    if (r.active) previousActive = r.id;
  });
  // An old reply's hidden versions hang where the shown one of their group does.
  for (const r of rows) {
    if (parentOf.has(r.id) || r.parentId || !r.replyGroup) continue;
    const sibling = rows.find((o) => o.replyGroup === r.replyGroup && parentOf.has(o.id));
    if (sibling) parentOf.set(r.id, parentOf.get(sibling.id)!);
  }
  const childrenOf = new Map<string | null, TreeRow[]>();
  for (const r of rows) {
    if (!parentOf.has(r.id)) continue;
    const parent = parentOf.get(r.id)!;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), r]);
  }
  return { rows: byId, parentOf, childrenOf };
}

/** The versions of this message's turn (itself among them), oldest first. */
export function versionsOf(tree: Tree, id: string): TreeRow[] {
  if (!tree.parentOf.has(id)) return [];
  const row = tree.rows.get(id)!;
  return (tree.childrenOf.get(tree.parentOf.get(id)!) ?? []).filter((r) => r.role === row.role);
}

/**
 * The path shown when `id` is chosen: the way to it from the root, then below it the version
 * chosen (or written) last at every turn.
 */
export function pathThrough(tree: Tree, id: string): string[] {
  const up: string[] = [];
  for (let at: string | null | undefined = id; at != null; at = tree.parentOf.get(at)) up.unshift(at);
  const path = [...up];
  let at = id;
  for (;;) {
    const children = tree.childrenOf.get(at) ?? [];
    if (children.length === 0) return path;
    const next = children.reduce((a, b) =>
      b.shownAt > a.shownAt || (+b.shownAt === +a.shownAt && b.order > a.order) ? b : a,
    );
    path.push(next.id);
    at = next.id;
  }
}

/** Where on the path an edit starts its branch: the user's message at `editAt`, or their last one. */
export function editedAt(path: readonly { role: string }[], editAt: number | undefined): number {
  const at = editAt ?? path.findLastIndex((m) => m.role === "user");
  if (at < 0 || path[at]?.role !== "user") {
    throw new AppError(
      "bad_request",
      editAt === undefined
        ? "There is no message of yours to edit yet."
        : "There is no message of yours there to edit.",
    );
  }
  return at;
}
