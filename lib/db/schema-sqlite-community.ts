/** The marketplace's tables (favourites, usage counts, reviews, shared conversations): see schema-sqlite.ts. */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { sql, type InferSelectModel } from "drizzle-orm";
import { conversations, users } from "./schema-sqlite";

const now = sql`(unixepoch('subsec') * 1000)`;
const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

/** A user's starred personas. */
export const favorites = sqliteTable(
  "favorites",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    personaId: text("persona_id").notNull(),
    createdAt: timestamp("created_at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.userId, t.personaId] }), index("favorites_persona_idx").on(t.personaId)],
);

/**
 * Who chatted with a persona on a UTC day, as a keyed hash (a user, or a guest's address group):
 * only for counting each once a day. Rows older than yesterday are pruned.
 */
export const personaUsageActors = sqliteTable(
  "persona_usage_actors",
  {
    personaId: text("persona_id").notNull(),
    day: text("day").notNull(),
    actorHash: text("actor_hash").notNull(),
  },
  (t) => [primaryKey({ columns: [t.personaId, t.day, t.actorHash] })],
);

/** Distinct chatting users per persona per UTC day: one row per (persona, day) that had any. */
export const personaUsageDays = sqliteTable(
  "persona_usage_days",
  {
    personaId: text("persona_id").notNull(),
    day: text("day").notNull(),
    users: integer("users").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.personaId, t.day] }),
    // Covering index: "sum of the last N days for every persona" reads only this range.
    index("persona_usage_days_day_idx").on(t.day, t.personaId, t.users),
  ],
);

/** One review per user per persona, earned by use. */
export const reviews = sqliteTable(
  "reviews",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    personaId: text("persona_id").notNull(),
    rating: integer("rating").notNull(),
    body: text("body"),
    /** The persona's version when the review was written (or last edited). */
    personaVersion: text("persona_version").notNull(),
    helpful: integer("helpful").notNull().default(0),
    /** Set by an operator: a hidden review is left out of pages and ratings. */
    hiddenAt: timestamp("hidden_at"),
    createdAt: timestamp("created_at").notNull().default(now),
    updatedAt: timestamp("updated_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("reviews_user_persona_idx").on(t.userId, t.personaId),
    index("reviews_persona_idx").on(t.personaId, t.createdAt),
  ],
);
export type Review = InferSelectModel<typeof reviews>;

export const reviewVotes = sqliteTable(
  "review_votes",
  {
    reviewId: text("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.userId] })],
);

export const reviewReports = sqliteTable(
  "review_reports",
  {
    reviewId: text("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: text("reason"),
    createdAt: timestamp("created_at").notNull().default(now),
    /** When an operator hid or restored the review: the report is dealt with. */
    resolvedAt: timestamp("resolved_at"),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.userId] }), index("review_reports_open_idx").on(t.resolvedAt)],
);

/** An unlisted read-only link to a conversation, as it was when shared. Only the token's hash is kept. */
export const conversationShares = sqliteTable(
  "conversation_shares",
  {
    tokenHash: text("token_hash").primaryKey(),
    conversationId: text("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    /** Messages created up to this moment are shown. */
    sharedUntil: timestamp("shared_until").notNull(),
    /** The ids of the path shown when it was shared, in order, as JSON (null: a link made before branches). */
    pathIds: text("path_ids"),
    createdAt: timestamp("created_at").notNull().default(now),
  },
  (t) => [index("conversation_shares_conversation_idx").on(t.conversationId)],
);
export type ConversationShare = InferSelectModel<typeof conversationShares>;
