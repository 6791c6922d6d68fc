import "server-only";
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { messageOrder } from "../dialect";
import { messages } from "../schema";

/** What the branch logic needs of every message of a conversation, shown or not. */
export type TreeRow = {
  id: string;
  role: "user" | "assistant";
  parentId: string | null;
  replyGroup: string | null;
  active: boolean;
  /** When it was written, or last chosen with ‹ › (whichever is later). */
  shownAt: Date;
  order: number;
};

/** Every message of the conversation (every branch, every version), in the order written. */
export async function listMessageTree({
  db,
  conversationId,
}: {
  db: Executor;
  conversationId: string;
}): Promise<TreeRow[]> {
  const rows = await db
    .select({
      id: messages.id,
      role: messages.role,
      parentId: messages.parentId,
      replyGroup: messages.replyGroup,
      active: messages.active,
      createdAt: messages.createdAt,
      shownAt: messages.shownAt,
      order: sql<number>`${messageOrder}`.mapWith(Number),
    })
    .from(messages)
    .where(eq(messages.conversationId, conversationId))
    .orderBy(messageOrder);
  return rows.map(({ createdAt, shownAt, ...r }) => ({
    ...r,
    shownAt: shownAt && shownAt > createdAt ? shownAt : createdAt,
  }));
}

/** Makes `path` the conversation's shown path (and nothing else), and marks `chosen` as chosen now. */
export async function setShownPath({
  db,
  conversationId,
  path,
  chosen,
  now = new Date(),
}: {
  db: Executor;
  conversationId: string;
  path: string[];
  chosen: string;
  now?: Date;
}) {
  await db
    .update(messages)
    .set({ active: false })
    .where(
      and(
        eq(messages.conversationId, conversationId),
        eq(messages.active, true),
        notInArray(messages.id, path),
      ),
    );
  await db
    .update(messages)
    .set({ active: true })
    .where(and(eq(messages.conversationId, conversationId), inArray(messages.id, path)));
  await db.update(messages).set({ shownAt: now }).where(eq(messages.id, chosen));
}
