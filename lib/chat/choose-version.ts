import "server-only";
import type { Db, Executor } from "@/lib/db/client";
import { listMessageTree, setShownPath } from "@/lib/db/queries/message-tree";
import { AppError } from "@/lib/errors";
import { buildTree, pathThrough } from "./branches";
import { messageViews, type MessageView } from "./conversation-view";
import { assertOwnConversation, type Owner } from "./owner";
import { activeRun } from "./runs";
import { assertNoLiveReply, replyInProgress } from "./service";

/**
 * Shows another version of a turn on the path (‹ 2/3 ›): the path goes through it, and below it
 * through the versions chosen last. False when the message is not a version of a turn shown.
 */
export async function chooseTreeVersion({
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

/** Shows that version of a turn (an edit, a regenerated reply): the conversation goes on from it. Answers the new messages. */
export async function chooseVersion(db: Db, owner: Owner, messageId: string): Promise<MessageView[]> {
  if (activeRun(owner.id)) throw replyInProgress();
  const chosen = await db.transaction(
    async (tx) => {
      await assertOwnConversation(tx, owner);
      // A reply written on another instance counts too: the database says, under the write lock.
      await assertNoLiveReply(tx, owner.id);
      return await chooseTreeVersion({ db: tx, conversationId: owner.id, id: messageId });
    },
    { behavior: "immediate" },
  );
  if (!chosen) throw new AppError("not_found", "That message is not a version of a turn shown.");
  return await messageViews(db, owner.id);
}
