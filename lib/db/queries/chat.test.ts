import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adoptGuest } from "@/lib/chat/actor";
import { openDatabase, type Db } from "../client";
import {
  createConversation,
  deleteConversation,
  getConversation,
  listConversations,
  renameConversation,
  touchConversation,
} from "./conversations";
import { insertMessage, listMessages, markStreamingInterrupted } from "./messages";
import { addDailyUsage, getDailyUsage } from "./usage";
import { createGuestUser, createUser, getUserById } from "./users";

let dir: string;
let db: Db;
let sqlite: Database.Database;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "chat-queries-"));
  ({ db, sqlite } = openDatabase(path.join(dir, "q.db")));
});
afterAll(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

let seq = 0;
const newUser = () => createUser({ db, email: `q-${++seq}@example.com`, passwordHash: null })!.id;
const newConversation = (userId: string, title = `c${++seq}`) =>
  createConversation({ db, userId, personaId: "backend-developer", title, greeting: "Hi!" });

describe("conversation queries", () => {
  it("a new conversation opens with the greeting; messages list in the order written", () => {
    const c = newConversation(newUser());
    insertMessage({ db, conversationId: c.id, role: "user", content: "one" });
    insertMessage({ db, conversationId: c.id, role: "assistant", content: "two", status: "streaming" });
    expect(listMessages({ db, conversationId: c.id }).map((m) => [m.role, m.content, m.status])).toEqual([
      ["assistant", "Hi!", "complete"],
      ["user", "one", "complete"],
      ["assistant", "two", "streaming"],
    ]);
  });

  it("another user's conversation cannot be read, renamed or deleted", () => {
    const owner = newUser();
    const other = newUser();
    const c = newConversation(owner, "mine");
    expect(getConversation({ db, id: c.id, userId: other })).toBeUndefined();
    expect(renameConversation({ db, id: c.id, userId: other, title: "theirs" })).toBe(false);
    expect(deleteConversation({ db, id: c.id, userId: other })).toBe(false);
    expect(getConversation({ db, id: c.id, userId: owner })?.title).toBe("mine");
    expect(renameConversation({ db, id: c.id, userId: owner, title: "renamed" })).toBe(true);
    expect(getConversation({ db, id: c.id, userId: owner })?.title).toBe("renamed");
  });

  it("deleting a conversation deletes its messages", () => {
    const owner = newUser();
    const c = newConversation(owner);
    insertMessage({ db, conversationId: c.id, role: "user", content: "bye" });
    expect(deleteConversation({ db, id: c.id, userId: owner })).toBe(true);
    expect(listMessages({ db, conversationId: c.id })).toEqual([]);
  });

  it("lists the owner's conversations newest first, page by page with a cursor", () => {
    const owner = newUser();
    newConversation(newUser()); // someone else's, never listed
    const made = [newConversation(owner, "a"), newConversation(owner, "b"), newConversation(owner, "c")];
    // The oldest becomes the most recently used.
    sqlite.prepare("UPDATE conversations SET updated_at = updated_at - 10000 WHERE user_id = ?").run(owner);
    touchConversation({ db, id: made[0]!.id });
    const all = listConversations({ db, userId: owner, limit: 10 });
    expect(all[0]!.title).toBe("a");
    expect(all.map((c) => c.title).sort()).toEqual(["a", "b", "c"]);
    const first = listConversations({ db, userId: owner, limit: 2 });
    const last = first.at(-1)!;
    const rest = listConversations({
      db,
      userId: owner,
      limit: 2,
      before: { updatedAt: last.updatedAt, id: last.id },
    });
    expect([...first, ...rest].map((c) => c.id)).toEqual(all.map((c) => c.id));
  });

  it("replies left streaming by a crash are marked interrupted at start, keeping their text", () => {
    const c = newConversation(newUser());
    const m = insertMessage({
      db,
      conversationId: c.id,
      role: "assistant",
      content: "half a",
      status: "streaming",
    });
    expect(markStreamingInterrupted({ db })).toBeGreaterThanOrEqual(1);
    expect(listMessages({ db, conversationId: c.id }).find((x) => x.id === m.id)).toMatchObject({
      content: "half a",
      status: "interrupted",
    });
  });
});

describe("daily usage and adopting a guest", () => {
  it("counts per user per day", () => {
    const u = newUser();
    addDailyUsage({ db, userId: u, day: "2030-01-01" });
    addDailyUsage({ db, userId: u, day: "2030-01-01", count: 4 });
    addDailyUsage({ db, userId: u, day: "2030-01-02" });
    expect(getDailyUsage({ db, userId: u, day: "2030-01-01" })).toBe(5);
    expect(getDailyUsage({ db, userId: u, day: "2030-01-02" })).toBe(1);
    expect(getDailyUsage({ db, userId: newUser(), day: "2030-01-01" })).toBe(0);
  });

  it("signing up keeps a guest's conversations and today's usage, and the guest goes", () => {
    const guest = createGuestUser({ db }).id;
    const user = newUser();
    const c = newConversation(guest);
    addDailyUsage({ db, userId: guest, day: "2030-01-01", count: 3 });
    addDailyUsage({ db, userId: user, day: "2030-01-01", count: 2 });
    expect(adoptGuest({ db, guestId: guest, userId: user })).toBe(1);
    expect(getConversation({ db, id: c.id, userId: user })).toBeDefined();
    expect(getDailyUsage({ db, userId: user, day: "2030-01-01" })).toBe(5);
    expect(getUserById({ db, id: guest })).toBeUndefined();
  });

  it("a real account is never adopted as if it were a guest", () => {
    const victim = newUser();
    const c = newConversation(victim);
    expect(adoptGuest({ db, guestId: victim, userId: newUser() })).toBe(0);
    expect(getConversation({ db, id: c.id, userId: victim })).toBeDefined();
  });
});
