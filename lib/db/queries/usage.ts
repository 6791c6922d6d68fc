import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { first } from "../dialect";
import type { Executor } from "../client";
import { dailyUsage } from "../schema";

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
  await db
    .insert(dailyUsage)
    .values({ userId, day, messages: count })
    .onConflictDoUpdate({
      target: [dailyUsage.userId, dailyUsage.day],
      set: { messages: sql`${dailyUsage.messages} + ${count}` },
    });
}

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
