import Database from "better-sqlite3";
import { and, is, isNull, Placeholder } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "@/testing/database";
import { messages } from "../schema";
import { STREAMING, streamingRepliesQuery } from "./live-replies";
import { chatLoadQuery } from "./usage";

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
    // The statements the chat runs, as prepared: placeholders given a value for the plan.
    const load = chatLoadQuery(database.db).getQuery();
    expect(plan(withValues(load))).toContain("messages_streaming_idx");
    const inConversation = streamingRepliesQuery(database.db).getQuery();
    expect(plan(withValues(inConversation))).toContain("messages_streaming_idx");
  });
});

const withValues = (query: { sql: string; params: unknown[] }) => ({
  sql: query.sql,
  params: query.params.map((p) => (is(p, Placeholder) ? "x" : p)),
});
