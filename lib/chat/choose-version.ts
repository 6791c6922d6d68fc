import "server-only";
import type { Db } from "@/lib/db/client";
import { chooseReplyVersion } from "@/lib/db/queries/messages";
import { AppError } from "@/lib/errors";
import { messageViews, type MessageView } from "./conversation-view";
import { assertOwnConversation, type Owner } from "./owner";
import { activeRun } from "./runs";
import { assertNoLiveReply, replyInProgress } from "./service";

/** Shows that version of the last reply: the conversation goes on from it. Answers the new messages. */
export async function chooseVersion(db: Db, owner: Owner, messageId: string): Promise<MessageView[]> {
  if (activeRun(owner.id)) throw replyInProgress();
  const chosen = await db.transaction(
    async (tx) => {
      await assertOwnConversation(tx, owner);
      // A reply written on another instance counts too: the database says, under the write lock.
      await assertNoLiveReply(tx, owner.id);
      return await chooseReplyVersion({ db: tx, conversationId: owner.id, id: messageId });
    },
    { behavior: "immediate" },
  );
  if (!chosen) throw new AppError("not_found", "That reply has no such version.");
  return await messageViews(db, owner.id);
}
