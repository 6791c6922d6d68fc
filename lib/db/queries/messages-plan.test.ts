import Database from "better-sqlite3";
import { and, count, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "@/testing/database";
import { conversations, messages } from "../schema";
import { STREAMING } from "./messages";

// The queries that look for replies being written run often (each message, each heartbeat, the
// sweep every 10 s): they must find them through messages_streaming_idx, not by reading a user's,
// or every, message. SQLite only: PostgreSQL's plan for a small table depends on its statistics.
let database: TestDatabase;
let plans: Database.Database;
beforeAll(async () => {
  database = await openTestDatabase();
  plans = new Database(database.file!, { readonly: true });
});
afterAll(async () => {
  plans.close();
  await database.close();
});

const plan = (query: { sql: string; params: unknown[] }) =>
  plans
    .prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
    .all(...query.params)
    .map((row) => (row as { detail: string }).detail)
    .join(" | ");

describe("replies being written are found by the partial index", () => {
  it("the sweep of stale replies reads only them", () => {
    const db = database.db;
    const sweep = db
      .update(messages)
      .set({ status: "interrupted" })
      .where(and(STREAMING, isNull(messages.heartbeatAt)));
    expect(plan(sweep.toSQL())).toContain("USING INDEX messages_streaming_idx");
  });

  it("a user's replies in progress are counted without reading their messages", () => {
    const db = database.db;
    const active = db
      .select({ n: count() })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(and(eq(conversations.userId, "u"), STREAMING));
    expect(plan(active.toSQL())).toContain("messages_streaming_idx");
    const inConversation = db
      .select({ id: messages.id })
      .from(messages)
      .where(and(eq(messages.conversationId, "c"), STREAMING));
    expect(plan(inConversation.toSQL())).toContain("messages_streaming_idx");
  });
});
