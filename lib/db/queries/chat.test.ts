import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adoptGuest } from "@/lib/auth/actor";
import { openTestDatabase, type TestDatabase } from "@/testing/database";
import type { Db } from "../client";
import { conversations } from "../schema";
import {
  createConversation,
  deleteConversation,
  getConversation,
  listConversations,
  renameConversation,
  touchConversation,
} from "./conversations";
import { heartbeatReplies, markStaleInterrupted } from "./live-replies";
import { insertMessage, listMessages } from "./messages";
import { addDailyUsage, getDailyUsage } from "./usage";
import { createGuestUser, createUser, getUserById } from "./users";

let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
});
afterAll(async () => {
  await database.close();
});

let seq = 0;
const newUser = async () =>
  (await createUser({ db, email: `q-${++seq}@example.com`, passwordHash: null }))!.id;
const newConversation = async (userId: string, title = `c${++seq}`) =>
  await createConversation({ db, userId, personaId: "backend-developer", title, greeting: "Hi!" });

describe("conversation queries", () => {
  it("a new conversation opens with the greeting; messages list in the order written", async () => {
    const c = await newConversation(await newUser());
    await insertMessage({ db, conversationId: c.id, role: "user", content: "one" });
    await insertMessage({ db, conversationId: c.id, role: "assistant", content: "two", status: "streaming" });
    expect(
      (await listMessages({ db, conversationId: c.id })).map((m) => [m.role, m.content, m.status]),
    ).toEqual([
      ["assistant", "Hi!", "complete"],
      ["user", "one", "complete"],
      ["assistant", "two", "streaming"],
    ]);
  });

  it("another user's conversation cannot be read, renamed or deleted", async () => {
    const owner = await newUser();
    const other = await newUser();
    const c = await newConversation(owner, "mine");
    expect(await getConversation({ db, id: c.id, userId: other })).toBeUndefined();
    expect(await renameConversation({ db, id: c.id, userId: other, title: "theirs" })).toBe(false);
    expect(await deleteConversation({ db, id: c.id, userId: other })).toBe(false);
    expect((await getConversation({ db, id: c.id, userId: owner }))?.title).toBe("mine");
    expect(await renameConversation({ db, id: c.id, userId: owner, title: "renamed" })).toBe(true);
    expect((await getConversation({ db, id: c.id, userId: owner }))?.title).toBe("renamed");
  });

  it("text with U+0000 is stored on either engine (PostgreSQL keeps it as U+FFFD)", async () => {
    const owner = await newUser();
    const c = await newConversation(owner, "a\u0000title");
    await insertMessage({ db, conversationId: c.id, role: "user", content: "nul \u0000 inside" });
    expect(await renameConversation({ db, id: c.id, userId: owner, title: "re\u0000named" })).toBe(true);
    const kept = database.engine === "postgres" ? "\ufffd" : "\u0000";
    expect((await getConversation({ db, id: c.id, userId: owner }))?.title).toBe(`re${kept}named`);
    const messages = await listMessages({ db, conversationId: c.id });
    expect(messages.map((m) => m.content)).toContain(`nul ${kept} inside`);
  });

  it("deleting a conversation deletes its messages", async () => {
    const owner = await newUser();
    const c = await newConversation(owner);
    await insertMessage({ db, conversationId: c.id, role: "user", content: "bye" });
    expect(await deleteConversation({ db, id: c.id, userId: owner })).toBe(true);
    expect(await listMessages({ db, conversationId: c.id })).toEqual([]);
  });

  it("lists the owner's conversations newest first, page by page with a cursor", async () => {
    const owner = await newUser();
    await newConversation(await newUser()); // someone else's, never listed
    const made = [
      await newConversation(owner, "a"),
      await newConversation(owner, "b"),
      await newConversation(owner, "c"),
    ];
    // The oldest becomes the most recently used.
    await db
      .update(conversations)
      .set({ updatedAt: new Date(Date.now() - 10_000_000) })
      .where(eq(conversations.userId, owner));
    await touchConversation({ db, id: made[0]!.id });
    const all = await listConversations({ db, userId: owner, limit: 10 });
    expect(all[0]!.title).toBe("a");
    expect(all.map((c) => c.title).sort()).toEqual(["a", "b", "c"]);
    const first = await listConversations({ db, userId: owner, limit: 2 });
    const last = first.at(-1)!;
    const rest = await listConversations({
      db,
      userId: owner,
      limit: 2,
      before: { updatedAt: last.updatedAt, id: last.id },
    });
    expect([...first, ...rest].map((c) => c.id)).toEqual(all.map((c) => c.id));
  });

  it("only replies whose heartbeat is stale are marked interrupted, keeping their text", async () => {
    const c = await newConversation(await newUser());
    const dead = await insertMessage({
      db,
      conversationId: c.id,
      role: "assistant",
      content: "half a",
      status: "streaming",
    });
    const c2 = await newConversation(await newUser());
    const alive = await insertMessage({
      db,
      conversationId: c2.id,
      role: "assistant",
      content: "still",
      status: "streaming",
    });
    // The dead one's process stopped beating 10 s ago; the live one's beats now.
    await heartbeatReplies({ db, ids: [dead.id], now: new Date(Date.now() - 10_000) });
    expect(await heartbeatReplies({ db, ids: [alive.id] })).toEqual([
      { id: alive.id, stopRequestedAt: null },
    ]);
    expect(
      await markStaleInterrupted({ db, staleBefore: new Date(Date.now() - 5000) }),
    ).toBeGreaterThanOrEqual(1);
    expect((await listMessages({ db, conversationId: c.id })).find((x) => x.id === dead.id)).toMatchObject({
      content: "half a",
      status: "interrupted",
    });
    expect((await listMessages({ db, conversationId: c2.id })).find((x) => x.id === alive.id)).toMatchObject({
      status: "streaming",
    });
  });
});

describe("daily usage and adopting a guest", () => {
  it("counts per user per day", async () => {
    const u = await newUser();
    await addDailyUsage({ db, userId: u, day: "2030-01-01" });
    await addDailyUsage({ db, userId: u, day: "2030-01-01", count: 4 });
    await addDailyUsage({ db, userId: u, day: "2030-01-02" });
    expect(await getDailyUsage({ db, userId: u, day: "2030-01-01" })).toBe(5);
    expect(await getDailyUsage({ db, userId: u, day: "2030-01-02" })).toBe(1);
    expect(await getDailyUsage({ db, userId: await newUser(), day: "2030-01-01" })).toBe(0);
  });

  it("signing up keeps a guest's conversations and today's usage, and the guest goes", async () => {
    const guest = (await createGuestUser({ db })).id;
    const user = await newUser();
    const c = await newConversation(guest);
    await addDailyUsage({ db, userId: guest, day: "2030-01-01", count: 3 });
    await addDailyUsage({ db, userId: user, day: "2030-01-01", count: 2 });
    expect(await adoptGuest({ db, guestId: guest, userId: user })).toBe(1);
    expect(await getConversation({ db, id: c.id, userId: user })).toBeDefined();
    expect(await getDailyUsage({ db, userId: user, day: "2030-01-01" })).toBe(5);
    expect(await getUserById({ db, id: guest })).toBeUndefined();
  });

  it("a real account is never adopted as if it were a guest", async () => {
    const victim = await newUser();
    const c = await newConversation(victim);
    expect(await adoptGuest({ db, guestId: victim, userId: await newUser() })).toBe(0);
    expect(await getConversation({ db, id: c.id, userId: victim })).toBeDefined();
  });
});
