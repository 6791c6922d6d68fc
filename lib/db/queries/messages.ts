import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { conversations, messages, type Message, type MESSAGE_STATUSES } from "../schema";

type Status = (typeof MESSAGE_STATUSES)[number];

/** The conversation's current path (no hidden versions, nothing edited away), in the order written (rowid). */
export function listMessages({ db, conversationId }: { db: Executor; conversationId: string }): Message[] {
  return db
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.active, true)))
    .orderBy(sql`rowid`)
    .all();
}

/** Every version of one reply in this conversation, oldest first. */
export function listReplyVersions({
  db,
  conversationId,
  replyGroup,
}: {
  db: Executor;
  conversationId: string;
  replyGroup: string;
}): Message[] {
  return db
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.replyGroup, replyGroup)))
    .orderBy(asc(sql`rowid`))
    .all();
}

/**
 * Regenerate: the reply leaves the path but is kept as a version (a reply with no text is just
 * removed). Returns the group the next version joins, or null when there is nothing to keep.
 */
export function retireReply({ db, reply }: { db: Executor; reply: Message }): string | null {
  if (reply.content === "") {
    db.delete(messages).where(eq(messages.id, reply.id)).run();
    return reply.replyGroup;
  }
  const group = reply.replyGroup ?? reply.id;
  db.update(messages).set({ active: false, replyGroup: group }).where(eq(messages.id, reply.id)).run();
  return group;
}

/** Edit: the message and everything after it leave the path (kept, not shown). */
export function retireFrom({ db, conversationId, id }: { db: Executor; conversationId: string; id: string }) {
  const from = db
    .select({ rowid: sql<number>`rowid` })
    .from(messages)
    .where(and(eq(messages.id, id), eq(messages.conversationId, conversationId)))
    .get();
  if (!from) return;
  db.update(messages)
    .set({ active: false })
    .where(
      and(
        eq(messages.conversationId, conversationId),
        eq(messages.active, true),
        sql`rowid >= ${from.rowid}`,
      ),
    )
    .run();
}

/**
 * Shows another version of the conversation's last reply. Only the last reply's versions can be
 * chosen (what follows an earlier reply was written after the version it saw). False if the
 * message is not a version of that reply in this conversation.
 */
export function chooseReplyVersion({
  db,
  conversationId,
  id,
}: {
  db: Executor;
  conversationId: string;
  id: string;
}): boolean {
  const last = lastMessage({ db, conversationId });
  if (!last || last.role !== "assistant" || !last.replyGroup) return false;
  const versions = listReplyVersions({ db, conversationId, replyGroup: last.replyGroup });
  if (!versions.some((v) => v.id === id)) return false;
  const ids = versions.map((v) => v.id);
  db.update(messages).set({ active: false }).where(inArray(messages.id, ids)).run();
  db.update(messages).set({ active: true }).where(eq(messages.id, id)).run();
  return true;
}

export function insertMessage({
  db,
  conversationId,
  role,
  content,
  status = "complete",
  replyGroup = null,
}: {
  db: Executor;
  conversationId: string;
  role: "user" | "assistant";
  content: string;
  status?: Status;
  replyGroup?: string | null;
}): Message {
  return db
    .insert(messages)
    .values({ id: randomUUID(), conversationId, role, content, status, replyGroup })
    .returning()
    .get();
}

export function updateMessage({
  db,
  id,
  content,
  status,
}: {
  db: Executor;
  id: string;
  content: string;
  status: Status;
}) {
  db.update(messages).set({ content, status }).where(eq(messages.id, id)).run();
}

export function lastMessage({
  db,
  conversationId,
}: {
  db: Executor;
  conversationId: string;
}): Message | undefined {
  return db
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.active, true)))
    .orderBy(desc(sql`rowid`))
    .limit(1)
    .get();
}

export function deleteMessage({
  db,
  id,
  conversationId,
}: {
  db: Executor;
  id: string;
  conversationId: string;
}) {
  db.delete(messages)
    .where(and(eq(messages.id, id), eq(messages.conversationId, conversationId)))
    .run();
}

/** Replies a crash left half-written: they keep their text and say they were cut off. */
export function markStreamingInterrupted({ db }: { db: Executor }): number {
  return db.update(messages).set({ status: "interrupted" }).where(eq(messages.status, "streaming")).run()
    .changes;
}

/** Replies still being written in this user's conversations, by any server process. */
export function countStreamingReplies({ db, userId }: { db: Executor; userId: string }): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(and(eq(conversations.userId, userId), eq(messages.status, "streaming")))
      .get()?.n ?? 0
  );
}
