import "server-only";
import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { first, rowCount } from "../dialect";
import type { Executor } from "../client";
import { prepared } from "../prepared";
import { messages, type Message } from "../schema";

/**
 * Replies being written, seen from every server process: their heartbeat, Stop asked from any
 * instance, a follower's view of their progress, and the sweep of those whose process is gone.
 */

/** A reply being written: a literal, not a parameter, so both planners use messages_streaming_idx. */
export const STREAMING = sql`${messages.status} = 'streaming'`;

/**
 * Replies whose process stopped heartbeating (crashed, killed, or from before heartbeats): they
 * keep their text and say they were cut off. Several processes share the database, so a reply
 * still heartbeated by another one is left alone. Optionally one conversation only.
 */
export async function markStaleInterrupted({
  db,
  staleBefore,
  conversationId,
}: {
  db: Executor;
  staleBefore: Date;
  conversationId?: string;
}): Promise<number> {
  return rowCount(
    await db
      .update(messages)
      .set({ status: "interrupted" })
      .where(
        and(
          STREAMING,
          or(isNull(messages.heartbeatAt), lt(messages.heartbeatAt, staleBefore)),
          conversationId ? eq(messages.conversationId, conversationId) : undefined,
        ),
      ),
  );
}

/**
 * At start: the replies this instance was writing when it last stopped (crashed or was killed) are
 * marked interrupted at once, without waiting for their heartbeat to go stale.
 */
export async function markInstanceInterrupted({
  db,
  instanceId,
}: {
  db: Executor;
  instanceId: string;
}): Promise<number> {
  return rowCount(
    await db
      .update(messages)
      .set({ status: "interrupted" })
      .where(and(STREAMING, eq(messages.instanceId, instanceId))),
  );
}

/**
 * One process's heartbeat for all its running replies, in one statement: they stay alive, and the
 * ones someone pressed Stop for (on any instance) come back with stopRequestedAt set.
 */
export async function heartbeatReplies({
  db,
  ids,
  now = new Date(),
}: {
  db: Executor;
  ids: string[];
  now?: Date;
}): Promise<{ id: string; stopRequestedAt: Date | null }[]> {
  if (ids.length === 0) return [];
  return db
    .update(messages)
    .set({ heartbeatAt: now })
    .where(and(inArray(messages.id, ids), STREAMING))
    .returning({ id: messages.id, stopRequestedAt: messages.stopRequestedAt });
}

/** Stop, from any instance: the reply's owner stops it on its next heartbeat. Ids of the replies asked. */
export async function requestStop({
  db,
  conversationId,
  now = new Date(),
}: {
  db: Executor;
  conversationId: string;
  now?: Date;
}): Promise<string[]> {
  const rows = await db
    .update(messages)
    .set({ stopRequestedAt: now })
    .where(and(eq(messages.conversationId, conversationId), STREAMING))
    .returning({ id: messages.id });
  return rows.map((r) => r.id);
}

/** Replies in this conversation still marked streaming, with their last heartbeat (usually none). */
export async function streamingReplies({
  db,
  conversationId,
}: {
  db: Executor;
  conversationId: string;
}): Promise<{ id: string; heartbeatAt: Date | null }[]> {
  return streamingRepliesQuery(db).execute({ conversationId });
}

/** Exported for the query-plan test. */
export const streamingRepliesQuery = prepared("streaming_replies", (db) =>
  db
    .select({ id: messages.id, heartbeatAt: messages.heartbeatAt })
    .from(messages)
    .where(and(eq(messages.conversationId, sql.placeholder("conversationId")), STREAMING)),
);

/** What a follower on another instance needs of a reply: its text so far, status and heartbeat. */
export async function replyProgress({
  db,
  id,
}: {
  db: Executor;
  id: string;
}): Promise<Pick<Message, "content" | "status" | "heartbeatAt"> | undefined> {
  return db
    .select({ content: messages.content, status: messages.status, heartbeatAt: messages.heartbeatAt })
    .from(messages)
    .where(eq(messages.id, id))
    .then(first);
}
