import "server-only";
import type { Executor } from "@/lib/db/client";
import { listMessageTree, setShownPath } from "@/lib/db/queries/message-tree";
import { buildTree, pathThrough } from "./branches";

/**
 * Shows another version of a turn on the path (‹ 2/3 ›): the path goes through it, and below it
 * through the versions chosen last. False when the message is not a version of a turn shown.
 */
export async function chooseVersion({
  db,
  conversationId,
  id,
}: {
  db: Executor;
  conversationId: string;
  id: string;
}): Promise<boolean> {
  const tree = buildTree(await listMessageTree({ db, conversationId }));
  const parent = tree.parentOf.get(id);
  if (!parent || !tree.rows.get(parent)?.active) return false;
  await setShownPath({ db, conversationId, path: pathThrough(tree, id), chosen: id });
  return true;
}
