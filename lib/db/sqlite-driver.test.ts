import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getDailyUsage } from "./queries/usage";
import { dailyUsage, users } from "./schema";
import { closeSqlite, openSqlite, type SqliteHandle } from "./sqlite-driver";

let dir: string;
let open: SqliteHandle[];
const connect = () => {
  const handle = openSqlite(path.join(dir, "t.db"));
  open.push(handle);
  return handle;
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sqlite-driver-"));
  open = [];
});
afterEach(() => {
  for (const handle of open) if (handle.sqlite.open) closeSqlite(handle);
  fs.rmSync(dir, { recursive: true, force: true });
});

async function seedUser(handle: SqliteHandle) {
  await handle.db.insert(users).values({ id: "u", email: "u@example.com" });
}

describe("the SQLite driver: async transactions on a synchronous connection", () => {
  it("runs transactions one at a time, though each awaits in the middle", async () => {
    const { db } = connect();
    await seedUser({ db } as SqliteHandle);
    const bump = () =>
      db.transaction(async (tx) => {
        const n = await getDailyUsage({ db: tx, userId: "u", day: "d" });
        await sleep(5); // read, wait, write: two interleaved transactions would both write n + 1
        await tx
          .insert(dailyUsage)
          .values({ userId: "u", day: "d", messages: n + 1 })
          .onConflictDoUpdate({ target: [dailyUsage.userId, dailyUsage.day], set: { messages: n + 1 } });
      });
    await Promise.all(Array.from({ length: 5 }, bump));
    expect(await getDailyUsage({ db, userId: "u", day: "d" })).toBe(5);
  });

  it("a query from outside waits for an open transaction, so its rollback cannot take the query's write", async () => {
    const { db } = connect();
    await seedUser({ db } as SqliteHandle);
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const failing = db.transaction(async (tx) => {
      await tx.update(users).set({ name: "from the transaction" }).where(eq(users.id, "u"));
      entered();
      await sleep(20);
      throw new Error("rolled back");
    });
    await inside;
    // Started now (a query runs when first awaited or then-ed), while the transaction sleeps.
    const outside = db
      .insert(users)
      .values({ id: "v", email: "v@example.com" })
      .then(() => "written");
    await expect(failing).rejects.toThrow("rolled back");
    expect(await outside).toBe("written");
    const rows = await db.select().from(users).orderBy(users.id);
    expect(rows.map((u) => [u.id, u.name])).toEqual([
      ["u", null],
      ["v", null],
    ]);
  });

  it("two connections to one file in one process do not block each other on the busy timeout", async () => {
    const a = connect();
    const b = connect();
    await seedUser(a);
    const started = Date.now();
    const tx = a.db.transaction(async (t) => {
      await t.update(users).set({ name: "a" }).where(eq(users.id, "u"));
      await sleep(30);
    });
    await sleep(5);
    await b.db.update(users).set({ email: "b@example.com" }).where(eq(users.id, "u"));
    await tx;
    // Without the shared lock, b's write would sleep in busy_timeout (5 s) and then fail.
    expect(Date.now() - started).toBeLessThan(3000);
    expect((await b.db.select().from(users))[0]).toMatchObject({ name: "a", email: "b@example.com" });
  });

  it("a transaction begun on the database inside another is a savepoint of it", async () => {
    const { db } = connect();
    await seedUser({ db } as SqliteHandle);
    await db.transaction(async (tx) => {
      await tx.update(users).set({ name: "outer" }).where(eq(users.id, "u"));
      await expect(
        db.transaction(async (inner) => {
          await inner.update(users).set({ name: "inner" }).where(eq(users.id, "u"));
          throw new Error("inner fails");
        }),
      ).rejects.toThrow("inner fails");
    });
    expect((await db.select().from(users))[0]?.name).toBe("outer");
  });
});
