import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, lte } from "drizzle-orm";
import { first, rowCount, messageOrder } from "../dialect";
import type { Executor } from "../client";
import { conversations, conversationShares, messages } from "../schema";

/** One live link per conversation: sharing again replaces the old link. */
export async function replaceShare({
  db,
  conversationId,
  tokenHash,
  sharedUntil,
}: {
  db: Executor;
  conversationId: string;
  tokenHash: string;
  sharedUntil: Date;
}) {
  await db.delete(conversationShares).where(eq(conversationShares.conversationId, conversationId));
  await db.insert(conversationShares).values({ tokenHash, conversationId, sharedUntil });
}

export async function deleteShares({
  db,
  conversationId,
}: {
  db: Executor;
  conversationId: string;
}): Promise<number> {
  return rowCount(
    await db.delete(conversationShares).where(eq(conversationShares.conversationId, conversationId)),
  );
}

/** The shared conversation (never its owner) and the messages up to the moment it was shared. */
export async function getSharedConversation({ db, tokenHash }: { db: Executor; tokenHash: string }) {
  const row = await db
    .select({
      conversationId: conversations.id,
      personaId: conversations.personaId,
      title: conversations.title,
      personaVersion: conversations.personaVersion,
      sharedUntil: conversationShares.sharedUntil,
    })
    .from(conversationShares)
    .innerJoin(conversations, eq(conversationShares.conversationId, conversations.id))
    .where(eq(conversationShares.tokenHash, tokenHash))
    .then(first);
  if (!row) return undefined;
  const shown = (
    await db
      .select({ role: messages.role, content: messages.content, status: messages.status })
      .from(messages)
      .where(and(eq(messages.conversationId, row.conversationId), lte(messages.createdAt, row.sharedUntil)))
      .orderBy(asc(messages.createdAt), messageOrder)
  ).filter((m) => m.status !== "streaming" && m.content.trim() !== "");
  return { ...row, messages: shown };
}

/** A new conversation for `userId` holding copies of the given messages. */
export async function insertConversationCopy({
  db,
  userId,
  personaId,
  title,
  personaVersion,
  copied,
}: {
  db: Executor;
  userId: string;
  personaId: string;
  title: string;
  personaVersion: string;
  copied: { role: "user" | "assistant"; content: string }[];
}): Promise<string> {
  const id = randomUUID();
  await db.insert(conversations).values({ id, userId, personaId, title, personaVersion });
  const base = Date.now();
  if (copied.length)
    await db.insert(messages).values(
      copied.map((m, i) => ({
        id: randomUUID(),
        conversationId: id,
        role: m.role,
        content: m.content,
        copied: true,
        createdAt: new Date(base + i),
      })),
    );
  return id;
}
