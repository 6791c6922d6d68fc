import "server-only";
import { and, asc, eq, gt } from "drizzle-orm";
import { first } from "../dialect";
import type { Executor } from "../client";
import { conversationVersionChanges, conversations, messages, replyFeedback } from "../schema";

export type FeedbackInput = {
  rating: "up" | "down";
  reason: "wrong" | "unhelpful" | "unsafe" | "other" | null;
  reasonText: string | null;
};

/**
 * A reply of the user's conversation, with the persona version that wrote it: the version a later
 * switch moved away from, else the conversation's. Undefined for another user's or a user message.
 */
export async function replyForFeedback({
  db,
  conversationId,
  messageId,
  userId,
}: {
  db: Executor;
  conversationId: string;
  messageId: string;
  userId: string;
}) {
  const row = first(
    await db
      .select({
        personaId: conversations.personaId,
        conversationVersion: conversations.personaVersion,
        createdAt: messages.createdAt,
      })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(
        and(
          eq(messages.id, messageId),
          eq(messages.conversationId, conversationId),
          eq(messages.role, "assistant"),
          eq(conversations.userId, userId),
        ),
      ),
  );
  if (!row) return undefined;
  const laterSwitch = first(
    await db
      .select({ from: conversationVersionChanges.fromVersion })
      .from(conversationVersionChanges)
      .where(
        and(
          eq(conversationVersionChanges.conversationId, conversationId),
          gt(conversationVersionChanges.at, row.createdAt),
        ),
      )
      .orderBy(asc(conversationVersionChanges.at))
      .limit(1),
  );
  return { personaId: row.personaId, version: laterSwitch ? laterSwitch.from : row.conversationVersion };
}

export async function upsertFeedback({
  db,
  messageId,
  userId,
  personaId,
  personaVersion,
  input,
}: {
  db: Executor;
  messageId: string;
  userId: string;
  personaId: string;
  personaVersion: string;
  input: FeedbackInput;
}) {
  const values = { rating: input.rating, reason: input.reason, reasonText: input.reasonText };
  await db
    .insert(replyFeedback)
    .values({ messageId, userId, personaId, personaVersion, ...values })
    .onConflictDoUpdate({ target: replyFeedback.messageId, set: { ...values, updatedAt: new Date() } });
}

export async function deleteFeedback({
  db,
  messageId,
  userId,
}: {
  db: Executor;
  messageId: string;
  userId: string;
}) {
  await db
    .delete(replyFeedback)
    .where(and(eq(replyFeedback.messageId, messageId), eq(replyFeedback.userId, userId)));
}

/** The owner's ratings of a conversation's replies. */
export async function conversationFeedback({ db, conversationId }: { db: Executor; conversationId: string }) {
  return db
    .select({
      messageId: replyFeedback.messageId,
      rating: replyFeedback.rating,
      reason: replyFeedback.reason,
      reasonText: replyFeedback.reasonText,
    })
    .from(replyFeedback)
    .innerJoin(messages, eq(messages.id, replyFeedback.messageId))
    .where(eq(messages.conversationId, conversationId));
}
