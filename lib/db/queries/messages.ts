import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { first, messageOrder, inserted } from "../dialect";
import type { Executor } from "../client";
import { prepared, setTo } from "../prepared";
import { messages, type Message, type MESSAGE_STATUSES } from "../schema";
import { instanceId } from "@/lib/instance";

type Status = (typeof MESSAGE_STATUSES)[number];

const pathQuery = prepared("conversation_path", (db) =>
  db
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, sql.placeholder("conversationId")), eq(messages.active, true)))
    .orderBy(messageOrder),
);

/** The conversation's current path (no hidden versions, nothing edited away), in the order written (rowid). */
export async function listMessages({
  db,
  conversationId,
}: {
  db: Executor;
  conversationId: string;
}): Promise<Message[]> {
  return pathQuery(db).execute({ conversationId });
}

/** Every version of one reply in this conversation, oldest first. */
export async function listReplyVersions({
  db,
  conversationId,
  replyGroup,
}: {
  db: Executor;
  conversationId: string;
  replyGroup: string;
}): Promise<Message[]> {
  return db
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.replyGroup, replyGroup)))
    .orderBy(asc(messageOrder));
}

/** What the chat needs of the current path to write the next reply: who said what, in order. */
export type PathMessage = Pick<Message, "id" | "role" | "content" | "replyGroup">;

const turnsQuery = prepared("conversation_turns", (db) =>
  db
    .select({
      id: messages.id,
      role: messages.role,
      content: messages.content,
      replyGroup: messages.replyGroup,
    })
    .from(messages)
    .where(and(eq(messages.conversationId, sql.placeholder("conversationId")), eq(messages.active, true)))
    .orderBy(messageOrder),
);

/** listMessages with only what the model's history (and regenerate or edit) needs. */
export async function listTurns({
  db,
  conversationId,
}: {
  db: Executor;
  conversationId: string;
}): Promise<PathMessage[]> {
  return turnsQuery(db).execute({ conversationId });
}

/**
 * Regenerate: the reply leaves the path but is kept as a version (a reply with no text is just
 * removed). Returns the group the next version joins, or null when there is nothing to keep.
 */
export async function retireReply({
  db,
  reply,
}: {
  db: Executor;
  reply: Pick<Message, "id" | "content" | "replyGroup">;
}): Promise<string | null> {
  if (reply.content === "") {
    await db.delete(messages).where(eq(messages.id, reply.id));
    return reply.replyGroup;
  }
  const group = reply.replyGroup ?? reply.id;
  await db.update(messages).set({ active: false, replyGroup: group }).where(eq(messages.id, reply.id));
  return group;
}

/** Edit: the message and everything after it leave the path (kept, not shown). */
export async function retireFrom({
  db,
  conversationId,
  id,
}: {
  db: Executor;
  conversationId: string;
  id: string;
}) {
  const from = await db
    .select({ rowid: sql<number>`${messageOrder}`.mapWith(Number) })
    .from(messages)
    .where(and(eq(messages.id, id), eq(messages.conversationId, conversationId)))
    .then(first);
  if (!from) return;
  await db
    .update(messages)
    .set({ active: false })
    .where(
      and(
        eq(messages.conversationId, conversationId),
        eq(messages.active, true),
        sql`${messageOrder} >= ${from.rowid}`,
      ),
    );
}

export async function insertMessage({
  db,
  conversationId,
  role,
  content,
  status = "complete",
  replyGroup = null,
  parentId = null,
}: {
  db: Executor;
  conversationId: string;
  role: "user" | "assistant";
  content: string;
  status?: Status;
  replyGroup?: string | null;
  /** The message this one follows (lib/chat/branches.ts). */
  parentId?: string | null;
}): Promise<Message> {
  return db
    .insert(messages)
    .values({
      id: randomUUID(),
      conversationId,
      role,
      content,
      status,
      replyGroup,
      parentId,
      // A reply being written starts alive: its process heartbeats it from here on.
      heartbeatAt: status === "streaming" ? new Date() : null,
      instanceId: status === "streaming" ? instanceId() : null,
    })
    .returning()
    .then(inserted);
}

/**
 * A message of the user's and the reply to it, which starts out being written (and alive: its
 * process heartbeats it from here on), in one statement. Returns their ids.
 */
export async function insertTurn({
  db,
  conversationId,
  content,
  parentId,
}: {
  db: Executor;
  conversationId: string;
  content: string;
  /** The message the user's follows (the last one shown, or the one before a message edited). */
  parentId: string | null;
}): Promise<{ messageId: string; replyId: string }> {
  const ids = { messageId: randomUUID(), replyId: randomUUID() };
  await turnQuery(db).execute({
    ...ids,
    conversationId,
    content,
    parentId,
    now: new Date(),
    instance: instanceId(),
  });
  return ids;
}

const turnQuery = prepared("insert_turn", (db) => {
  const conversationId = sql.placeholder("conversationId");
  return db.insert(messages).values([
    {
      id: sql.placeholder("messageId"),
      conversationId,
      role: "user",
      content: sql.placeholder("content"),
      status: "complete",
      heartbeatAt: null,
      parentId: sql.placeholder("parentId"),
      instanceId: null,
    },
    {
      id: sql.placeholder("replyId"),
      conversationId,
      role: "assistant",
      content: "",
      status: "streaming",
      heartbeatAt: sql.placeholder("now"),
      parentId: sql.placeholder("messageId"),
      instanceId: sql.placeholder("instance"),
    },
  ]);
});

const updateQuery = prepared("update_message", (db) =>
  db
    .update(messages)
    .set({ content: setTo<string>("content"), status: setTo<Status>("status") })
    .where(eq(messages.id, sql.placeholder("id"))),
);

export async function updateMessage({
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
  await updateQuery(db).execute({ id, content, status });
}

export async function lastMessage({
  db,
  conversationId,
}: {
  db: Executor;
  conversationId: string;
}): Promise<Message | undefined> {
  return db
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.active, true)))
    .orderBy(desc(messageOrder))
    .limit(1)
    .then(first);
}

export async function deleteMessage({
  db,
  id,
  conversationId,
}: {
  db: Executor;
  id: string;
  conversationId: string;
}) {
  await db.delete(messages).where(and(eq(messages.id, id), eq(messages.conversationId, conversationId)));
}
