import "server-only";
import { randomUUID } from "node:crypto";
import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { conversations, messages, type Conversation } from "../schema";

/** A conversation only if it belongs to the user: another user's id reads as missing. */
export function getConversation({
  db,
  id,
  userId,
}: {
  db: Executor;
  id: string;
  userId: string;
}): Conversation | undefined {
  return db
    .select()
    .from(conversations)
    .where(and(eq(conversations.id, id), eq(conversations.userId, userId)))
    .get();
}

export function createConversation({
  db,
  userId,
  personaId,
  title,
  greeting,
  parentId = null,
  handoffContext = null,
  personaVersion = null,
}: {
  db: Executor;
  userId: string;
  personaId: string;
  title: string;
  greeting: string;
  parentId?: string | null;
  handoffContext?: string | null;
  personaVersion?: string | null;
}): Conversation {
  const conversation = db
    .insert(conversations)
    .values({ id: randomUUID(), userId, personaId, title, parentId, handoffContext, personaVersion })
    .returning()
    .get();
  // The persona's greeting opens every conversation.
  db.insert(messages)
    .values({ id: randomUUID(), conversationId: conversation.id, role: "assistant", content: greeting })
    .run();
  return conversation;
}

export type ConversationListItem = Pick<Conversation, "id" | "personaId" | "title" | "updatedAt">;

/** Newest first, keyset-paginated by (updatedAt, id). */
export function listConversations({
  db,
  userId,
  limit,
  before,
}: {
  db: Executor;
  userId: string;
  limit: number;
  before?: { updatedAt: Date; id: string };
}): ConversationListItem[] {
  const cursor = before
    ? or(
        lt(conversations.updatedAt, before.updatedAt),
        and(eq(conversations.updatedAt, before.updatedAt), lt(conversations.id, before.id)),
      )
    : undefined;
  return db
    .select({
      id: conversations.id,
      personaId: conversations.personaId,
      title: conversations.title,
      updatedAt: conversations.updatedAt,
    })
    .from(conversations)
    .where(and(eq(conversations.userId, userId), cursor))
    .orderBy(desc(conversations.updatedAt), desc(conversations.id))
    .limit(limit)
    .all();
}

export function listChildConversations({
  db,
  parentId,
  userId,
}: {
  db: Executor;
  parentId: string;
  userId: string;
}) {
  return db
    .select({ id: conversations.id, personaId: conversations.personaId, title: conversations.title })
    .from(conversations)
    .where(and(eq(conversations.parentId, parentId), eq(conversations.userId, userId)))
    .orderBy(conversations.createdAt)
    .all();
}

export function renameConversation({
  db,
  id,
  userId,
  title,
}: {
  db: Executor;
  id: string;
  userId: string;
  title: string;
}): boolean {
  return (
    db
      .update(conversations)
      .set({ title })
      .where(and(eq(conversations.id, id), eq(conversations.userId, userId)))
      .run().changes === 1
  );
}

export function deleteConversation({
  db,
  id,
  userId,
}: {
  db: Executor;
  id: string;
  userId: string;
}): boolean {
  return (
    db
      .delete(conversations)
      .where(and(eq(conversations.id, id), eq(conversations.userId, userId)))
      .run().changes === 1
  );
}

export function touchConversation({ db, id }: { db: Executor; id: string }) {
  db.update(conversations)
    .set({ updatedAt: sql`(unixepoch('subsec') * 1000)` })
    .where(eq(conversations.id, id))
    .run();
}

/** Moves a guest's conversations to the account they signed up or in with. */
export function moveConversations({
  db,
  fromUserId,
  toUserId,
}: {
  db: Executor;
  fromUserId: string;
  toUserId: string;
}): number {
  return db.update(conversations).set({ userId: toUserId }).where(eq(conversations.userId, fromUserId)).run()
    .changes;
}

/** The persona version the user's conversation started with (null when not recorded). */
export function getConversationPersonaVersion({
  db,
  id,
  userId,
}: {
  db: Executor;
  id: string;
  userId: string;
}): string | null {
  return (
    db
      .select({ v: conversations.personaVersion })
      .from(conversations)
      .where(and(eq(conversations.id, id), eq(conversations.userId, userId)))
      .get()?.v ?? null
  );
}
