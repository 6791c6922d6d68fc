import "server-only";
import { and, eq, getTableName, sql, type AnyColumn } from "drizzle-orm";
import { first } from "../dialect";
import type { Executor } from "../client";
import { prepared, storedTime } from "../prepared";
import { conversations, dailyUsage, messages, windowEvents, users } from "../schema";
import { STREAMING } from "./live-replies";

export async function getDailyUsage({
  db,
  userId,
  day,
}: {
  db: Executor;
  userId: string;
  day: string;
}): Promise<number> {
  return (
    (
      await db
        .select({ messages: dailyUsage.messages })
        .from(dailyUsage)
        .where(and(eq(dailyUsage.userId, userId), eq(dailyUsage.day, day)))
        .then(first)
    )?.messages ?? 0
  );
}

export async function addDailyUsage({
  db,
  userId,
  day,
  count = 1,
}: {
  db: Executor;
  userId: string;
  day: string;
  count?: number;
}) {
  await addQuery(db).execute({ userId, day, count });
}

const addQuery = prepared("add_daily_usage", (db) =>
  db
    .insert(dailyUsage)
    .values({
      userId: sql.placeholder("userId"),
      day: sql.placeholder("day"),
      messages: sql.placeholder("count"),
    })
    .onConflictDoUpdate({
      target: [dailyUsage.userId, dailyUsage.day],
      set: { messages: sql`${dailyUsage.messages} + ${sql.placeholder("count")}` },
    }),
);

/**
 * What a user's next message to a model is weighed against, in one read: messages counted today,
 * replies being written in their web chats (by any server process), and API replies in flight
 * (events under `apiKey` since `since`, in the keyed log the address limits use).
 */
export async function getChatLoad({
  db,
  userId,
  day,
  apiKey,
  since,
}: {
  db: Executor;
  userId: string;
  day: string;
  apiKey: string;
  since: Date;
}): Promise<{ today: number; streaming: number; api: number }> {
  const row = first(await chatLoadQuery(db).execute({ userId, day, apiKey, since: storedTime(since) }));
  return row ?? { today: 0, streaming: 0, api: 0 };
}

/** A column with its table's name: subqueries in a select's fields need it (drizzle leaves it off there). */
const q = (column: AnyColumn) =>
  sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;

/** Exported for the query-plan test. */
export const chatLoadQuery = prepared("chat_load", (db) => {
  const today = sql`select ${q(dailyUsage.messages)} from ${dailyUsage}
    where ${q(dailyUsage.userId)} = ${q(users.id)} and ${q(dailyUsage.day)} = ${sql.placeholder("day")}`;
  const streaming = sql`select count(*) from ${messages}
    inner join ${conversations} on ${q(conversations.id)} = ${q(messages.conversationId)}
    where ${q(conversations.userId)} = ${q(users.id)} and ${STREAMING}`;
  const api = sql`select count(*) from ${windowEvents}
    where ${q(windowEvents.key)} = ${sql.placeholder("apiKey")} and ${q(windowEvents.at)} > ${sql.placeholder("since")}`;
  return db
    .select({
      today: sql<number>`coalesce((${today}), 0)`.mapWith(Number),
      streaming: sql<number>`(${streaming})`.mapWith(Number),
      api: sql<number>`(${api})`.mapWith(Number),
    })
    .from(users)
    .where(eq(users.id, sql.placeholder("userId")));
});

/** Gives back messages counted for a reply that never came; never below zero. */
export async function subtractDailyUsage({
  db,
  userId,
  day,
  count = 1,
}: {
  db: Executor;
  userId: string;
  day: string;
  count?: number;
}) {
  await db
    .update(dailyUsage)
    .set({
      messages: sql`case when ${dailyUsage.messages} > ${count} then ${dailyUsage.messages} - ${count} else 0 end`,
    })
    .where(and(eq(dailyUsage.userId, userId), eq(dailyUsage.day, day)));
}

/** A guest's counts follow them into their account, so signing up does not reset today's quota. */
export async function moveDailyUsage({
  db,
  fromUserId,
  toUserId,
}: {
  db: Executor;
  fromUserId: string;
  toUserId: string;
}) {
  const rows = await db.select().from(dailyUsage).where(eq(dailyUsage.userId, fromUserId));
  for (const row of rows) await addDailyUsage({ db, userId: toUserId, day: row.day, count: row.messages });
  await db.delete(dailyUsage).where(eq(dailyUsage.userId, fromUserId));
}
