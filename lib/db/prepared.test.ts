import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "@/testing/database";
import { prepared, setTo, storedTime } from "./prepared";
import { dailyUsage, windowEvents, users } from "./schema";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
  await database.db.insert(users).values({ id: "u", email: "u@example.com" });
});
afterAll(async () => {
  await database.close();
});

const usageQuery = prepared("test_usage", (db) =>
  db
    .select({ messages: dailyUsage.messages })
    .from(dailyUsage)
    .where(eq(dailyUsage.day, sql.placeholder("day"))),
);
const eventsSinceQuery = prepared("test_events_since", (db) =>
  db
    .select({ at: windowEvents.at })
    .from(windowEvents)
    .where(
      sql`${windowEvents.key} = ${sql.placeholder("key")} and ${windowEvents.at} > ${sql.placeholder("since")}`,
    ),
);
const renameQuery = prepared("test_rename", (db) =>
  db
    .update(users)
    .set({ name: setTo<string>("name"), tierSince: setTo<Date>("since") })
    .where(eq(users.id, sql.placeholder("id"))),
);

describe("prepared queries", () => {
  it("are built once per session, and each call gets its own values", async () => {
    const { db } = database;
    expect(usageQuery(db)).toBe(usageQuery(db));
    await db.insert(dailyUsage).values([
      { userId: "u", day: "2026-01-01", messages: 3 },
      { userId: "u", day: "2026-01-02", messages: 5 },
    ]);
    expect(await usageQuery(db).execute({ day: "2026-01-01" })).toEqual([{ messages: 3 }]);
    expect(await usageQuery(db).execute({ day: "2026-01-02" })).toEqual([{ messages: 5 }]);
    expect(await usageQuery(db).execute({ day: "2026-01-03" })).toEqual([]);
  });

  it("run inside the transaction they are given: its writes are seen, and go with its rollback", async () => {
    const { db } = database;
    const seen: unknown[] = [];
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(dailyUsage).values({ userId: "u", day: "2026-02-01", messages: 7 });
        seen.push(...(await usageQuery(tx).execute({ day: "2026-02-01" })));
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(seen).toEqual([{ messages: 7 }]);
    expect(await usageQuery(db).execute({ day: "2026-02-01" })).toEqual([]);
  });

  it("compare a date in a condition as the engine stores it", async () => {
    const { db } = database;
    const at = new Date("2026-03-01T12:00:00.000Z");
    await db.insert(windowEvents).values({ key: "k", at });
    const since = (ms: number) => storedTime(new Date(at.getTime() + ms));
    expect(await eventsSinceQuery(db).execute({ key: "k", since: since(-1) })).toEqual([{ at }]);
    expect(await eventsSinceQuery(db).execute({ key: "k", since: since(0) })).toEqual([]);
  });

  it("encode set() placeholders by their column", async () => {
    const { db } = database;
    const since = new Date("2026-04-01T00:00:00.123Z");
    await renameQuery(db).execute({ id: "u", name: "Ada", since });
    const [row] = await db.select({ name: users.name, tierSince: users.tierSince }).from(users);
    expect(row).toEqual({ name: "Ada", tierSince: since });
  });
});
