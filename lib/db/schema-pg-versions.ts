/** Persona versions, reply feedback, API calls per version and persona checks: see schema-sqlite-versions.ts. */
import { index, integer, pgTable, primaryKey, text, timestamp as pgTimestamp } from "drizzle-orm/pg-core";
import { conversations, messages, users } from "./schema-pg";
import { FEEDBACK_REASONS, FEEDBACK_RATINGS, PERSONA_SOURCES } from "./schema-sqlite-versions";

const timestamp = (name: string) => pgTimestamp(name, { withTimezone: true, precision: 3, mode: "date" });

export const personaVersions = pgTable(
  "persona_versions",
  {
    personaId: text("persona_id").notNull(),
    version: text("version").notNull(),
    textHash: text("text_hash").notNull(),
    text: text("text").notNull(),
    changelog: text("changelog"),
    source: text("source", { enum: PERSONA_SOURCES }).notNull().default("content"),
    firstSeenAt: timestamp("first_seen_at").notNull().defaultNow(),
    unpublishedAt: timestamp("unpublished_at"),
    unpublishedReason: text("unpublished_reason"),
  },
  (t) => [
    primaryKey({ columns: [t.personaId, t.version, t.textHash] }),
    index("persona_versions_seen_idx").on(t.personaId, t.firstSeenAt),
  ],
);

export const conversationVersionChanges = pgTable(
  "conversation_version_changes",
  {
    id: text("id").primaryKey(),
    conversationId: text("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    fromVersion: text("from_version"),
    toVersion: text("to_version").notNull(),
    toHash: text("to_hash").notNull(),
    at: timestamp("at").notNull().defaultNow(),
  },
  (t) => [index("conversation_version_changes_conversation_idx").on(t.conversationId, t.at)],
);

export const replyFeedback = pgTable(
  "reply_feedback",
  {
    messageId: text("message_id")
      .primaryKey()
      .references(() => messages.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    personaId: text("persona_id").notNull(),
    personaVersion: text("persona_version").notNull(),
    rating: text("rating", { enum: FEEDBACK_RATINGS }).notNull(),
    reason: text("reason", { enum: FEEDBACK_REASONS }),
    reasonText: text("reason_text"),
    createdAt: timestamp("created_at").notNull().defaultNow(),
    updatedAt: timestamp("updated_at").notNull().defaultNow(),
  },
  (t) => [index("reply_feedback_persona_idx").on(t.personaId, t.updatedAt)],
);

export const personaApiCalls = pgTable(
  "persona_api_calls",
  {
    personaId: text("persona_id").notNull(),
    version: text("version").notNull(),
    day: text("day").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    calls: integer("calls").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.personaId, t.version, t.day, t.userId] })],
);

export const personaCheckRuns = pgTable(
  "persona_check_runs",
  {
    personaId: text("persona_id").notNull(),
    version: text("version").notNull(),
    textHash: text("text_hash").notNull(),
    model: text("model"),
    passed: integer("passed").notNull(),
    total: integer("total").notNull(),
    results: text("results").notNull(),
    ranAt: timestamp("ran_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.personaId, t.version, t.textHash] })],
);
