import "server-only";
import { randomUUID } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { conversations, messages, type Message, type MESSAGE_STATUSES } from "../schema";

type Status = (typeof MESSAGE_STATUSES)[number];

/** In the order they were written (rowid), which is the conversation's order. */
export function listMessages({ db, conversationId }: { db: Executor; conversationId: string }): Message[] {
  return db
    .select()
    .from(messages)
    .where(eq(messages.conversationId, conversationId))
    .orderBy(sql`rowid`)
    .all();
}

export function insertMessage({
  db,
  conversationId,
  role,
  content,
  status = "complete",
}: {
  db: Executor;
  conversationId: string;
  role: "user" | "assistant";
  content: string;
  status?: Status;
}): Message {
  return db
    .insert(messages)
    .values({ id: randomUUID(), conversationId, role, content, status })
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
    .where(eq(messages.conversationId, conversationId))
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
