import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, lte, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { conversations, conversationShares, messages } from "../schema";

/** One live link per conversation: sharing again replaces the old link. */
export function replaceShare({
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
  db.delete(conversationShares).where(eq(conversationShares.conversationId, conversationId)).run();
  db.insert(conversationShares).values({ tokenHash, conversationId, sharedUntil }).run();
}

export function deleteShares({ db, conversationId }: { db: Executor; conversationId: string }): number {
  return db.delete(conversationShares).where(eq(conversationShares.conversationId, conversationId)).run()
    .changes;
}

/** The shared conversation (never its owner) and the messages up to the moment it was shared. */
export function getSharedConversation({ db, tokenHash }: { db: Executor; tokenHash: string }) {
  const row = db
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
    .get();
  if (!row) return undefined;
  const shown = db
    .select({ role: messages.role, content: messages.content, status: messages.status })
    .from(messages)
    .where(and(eq(messages.conversationId, row.conversationId), lte(messages.createdAt, row.sharedUntil)))
    .orderBy(asc(messages.createdAt), sql`rowid`)
    .all()
    .filter((m) => m.status !== "streaming" && m.content.trim() !== "");
  return { ...row, messages: shown };
}

/** A new conversation for `userId` holding copies of the given messages. */
export function insertConversationCopy({
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
}): string {
  const id = randomUUID();
  db.insert(conversations).values({ id, userId, personaId, title, personaVersion }).run();
  const base = Date.now();
  copied.forEach((m, i) =>
    db
      .insert(messages)
      .values({
        id: randomUUID(),
        conversationId: id,
        role: m.role,
        content: m.content,
        createdAt: new Date(base + i),
      })
      .run(),
  );
  return id;
}
