/** Persona versions, reply feedback, API calls per version and persona checks: see schema-sqlite.ts. */
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { sql, type InferSelectModel } from "drizzle-orm";
import { conversations, messages, users } from "./schema-sqlite";

const now = sql`(unixepoch('subsec') * 1000)`;
const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

export const PERSONA_SOURCES = ["content", "creator"] as const;
export const FEEDBACK_RATINGS = ["up", "down"] as const;
export const FEEDBACK_REASONS = ["wrong", "unhelpful", "unsafe", "other"] as const;

/**
 * Every version of a persona the catalog ever held, keyed by id, version and a SHA-256 of the
 * persona-file text (an edit without a version bump is kept too). Immutable but for the
 * unpublish flag a moderator sets: an unpublished version takes no new chats.
 */
export const personaVersions = sqliteTable(
  "persona_versions",
  {
    personaId: text("persona_id").notNull(),
    version: text("version").notNull(),
    textHash: text("text_hash").notNull(),
    /** The persona file (front matter + body) as the catalog read it. */
    text: text("text").notNull(),
    changelog: text("changelog"),
    source: text("source", { enum: PERSONA_SOURCES }).notNull().default("content"),
    firstSeenAt: timestamp("first_seen_at").notNull().default(now),
    unpublishedAt: timestamp("unpublished_at"),
    unpublishedReason: text("unpublished_reason"),
  },
  (t) => [
    primaryKey({ columns: [t.personaId, t.version, t.textHash] }),
    index("persona_versions_seen_idx").on(t.personaId, t.firstSeenAt),
  ],
);
export type PersonaVersionRow = InferSelectModel<typeof personaVersions>;

/** "Switch to vX" on a conversation: the messages before stay as they were. */
export const conversationVersionChanges = sqliteTable(
  "conversation_version_changes",
  {
    id: text("id").primaryKey(),
    conversationId: text("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    fromVersion: text("from_version"),
    toVersion: text("to_version").notNull(),
    toHash: text("to_hash").notNull(),
    at: timestamp("at").notNull().default(now),
  },
  (t) => [index("conversation_version_changes_conversation_idx").on(t.conversationId, t.at)],
);

/** 👍/👎 on a reply, one per reply (only its conversation's owner sees it), changeable. */
export const replyFeedback = sqliteTable(
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
    createdAt: timestamp("created_at").notNull().default(now),
    updatedAt: timestamp("updated_at").notNull().default(now),
  },
  (t) => [index("reply_feedback_persona_idx").on(t.personaId, t.updatedAt)],
);

/** Replies the API gave, per persona version, UTC day and caller (API replies are not stored). */
export const personaApiCalls = sqliteTable(
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

/** The last run of a persona version's `checks:` against the configured model. */
export const personaCheckRuns = sqliteTable(
  "persona_check_runs",
  {
    personaId: text("persona_id").notNull(),
    version: text("version").notNull(),
    textHash: text("text_hash").notNull(),
    /** The model that answered, or null when none was configured (the checks were not run). */
    model: text("model"),
    passed: integer("passed").notNull(),
    total: integer("total").notNull(),
    /** JSON: each check's outcome (see lib/personas/checks.ts). */
    results: text("results").notNull(),
    ranAt: timestamp("ran_at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.personaId, t.version, t.textHash] })],
);
