import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { dailyUsage } from "../schema";

export function getDailyUsage({ db, userId, day }: { db: Executor; userId: string; day: string }): number {
  return (
    db
      .select({ messages: dailyUsage.messages })
      .from(dailyUsage)
      .where(and(eq(dailyUsage.userId, userId), eq(dailyUsage.day, day)))
      .get()?.messages ?? 0
  );
}

export function addDailyUsage({
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
  db.insert(dailyUsage)
    .values({ userId, day, messages: count })
    .onConflictDoUpdate({
      target: [dailyUsage.userId, dailyUsage.day],
      set: { messages: sql`${dailyUsage.messages} + ${count}` },
    })
    .run();
}

/** Gives back messages counted for a reply that never came; never below zero. */
export function subtractDailyUsage({
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
  db.update(dailyUsage)
    .set({ messages: sql`max(${dailyUsage.messages} - ${count}, 0)` })
    .where(and(eq(dailyUsage.userId, userId), eq(dailyUsage.day, day)))
    .run();
}

/** A guest's counts follow them into their account, so signing up does not reset today's quota. */
export function moveDailyUsage({
  db,
  fromUserId,
  toUserId,
}: {
  db: Executor;
  fromUserId: string;
  toUserId: string;
}) {
  const rows = db.select().from(dailyUsage).where(eq(dailyUsage.userId, fromUserId)).all();
  for (const row of rows) addDailyUsage({ db, userId: toUserId, day: row.day, count: row.messages });
  db.delete(dailyUsage).where(eq(dailyUsage.userId, fromUserId)).run();
}
