import "server-only";
import { randomUUID } from "node:crypto";
import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { first, rowCount, inserted } from "../dialect";
import type { Executor } from "../client";
import { prepared, setTo } from "../prepared";
import { conversations, messages, type Conversation } from "../schema";

const conversationQuery = prepared("conversation", (db) =>
  db
    .select()
    .from(conversations)
    .where(
      and(eq(conversations.id, sql.placeholder("id")), eq(conversations.userId, sql.placeholder("userId"))),
    ),
);

/** A conversation only if it belongs to the user: another user's id reads as missing. */
export async function getConversation({
  db,
  id,
  userId,
}: {
  db: Executor;
  id: string;
  userId: string;
}): Promise<Conversation | undefined> {
  return first(await conversationQuery(db).execute({ id, userId }));
}

export async function createConversation({
  db,
  userId,
  personaId,
  title,
  greeting,
  parentId = null,
  handoffContext = null,
  personaVersion = null,
  personaVersionHash = null,
}: {
  db: Executor;
  userId: string;
  personaId: string;
  title: string;
  greeting: string;
  parentId?: string | null;
  handoffContext?: string | null;
  personaVersion?: string | null;
  personaVersionHash?: string | null;
}): Promise<Conversation> {
  const conversation = await db
    .insert(conversations)
    .values({
      id: randomUUID(),
      userId,
      personaId,
      title,
      parentId,
      handoffContext,
      personaVersion,
      personaVersionHash,
    })
    .returning()
    .then(inserted);
  // The persona's greeting opens every conversation.
  await db
    .insert(messages)
    .values({ id: randomUUID(), conversationId: conversation.id, role: "assistant", content: greeting });
  return conversation;
}

export type ConversationListItem = Pick<Conversation, "id" | "personaId" | "title" | "updatedAt">;

/** Newest first, keyset-paginated by (updatedAt, id). */
export async function listConversations({
  db,
  userId,
  limit,
  before,
  unpinned = false,
}: {
  db: Executor;
  userId: string;
  limit: number;
  before?: { updatedAt: Date; id: string };
  /** Only those not pinned (the sidebar lists the pinned ones first, apart). */
  unpinned?: boolean;
}): Promise<ConversationListItem[]> {
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
    .where(
      and(eq(conversations.userId, userId), cursor, unpinned ? isNull(conversations.pinnedAt) : undefined),
    )
    .orderBy(desc(conversations.updatedAt), desc(conversations.id))
    .limit(limit);
}

export async function listChildConversations({
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
    .orderBy(conversations.createdAt);
}

export async function renameConversation({
  db,
  id,
  userId,
  title,
}: {
  db: Executor;
  id: string;
  userId: string;
  title: string;
}): Promise<boolean> {
  return (
    rowCount(
      await db
        .update(conversations)
        .set({ title })
        .where(and(eq(conversations.id, id), eq(conversations.userId, userId))),
    ) === 1
  );
}

export async function deleteConversation({
  db,
  id,
  userId,
}: {
  db: Executor;
  id: string;
  userId: string;
}): Promise<boolean> {
  return (
    rowCount(
      await db.delete(conversations).where(and(eq(conversations.id, id), eq(conversations.userId, userId))),
    ) === 1
  );
}

const touchQuery = prepared("touch_conversation", (db) =>
  db
    .update(conversations)
    .set({ updatedAt: setTo<Date>("now") })
    .where(eq(conversations.id, sql.placeholder("id"))),
);

export async function touchConversation({ db, id }: { db: Executor; id: string }) {
  await touchQuery(db).execute({ id, now: new Date() });
}

/** Moves a guest's conversations to the account they signed up or in with. */
export async function moveConversations({
  db,
  fromUserId,
  toUserId,
}: {
  db: Executor;
  fromUserId: string;
  toUserId: string;
}): Promise<number> {
  return rowCount(
    await db.update(conversations).set({ userId: toUserId }).where(eq(conversations.userId, fromUserId)),
  );
}

/** The persona version the user's conversation started with (null when not recorded). */
export async function getConversationPersonaVersion({
  db,
  id,
  userId,
}: {
  db: Executor;
  id: string;
  userId: string;
}): Promise<string | null> {
  return (
    (
      await db
        .select({ v: conversations.personaVersion })
        .from(conversations)
        .where(and(eq(conversations.id, id), eq(conversations.userId, userId)))
        .then(first)
    )?.v ?? null
  );
}
