/**
 * The PostgreSQL tables: the same names, columns and JavaScript types as schema-sqlite.ts (the
 * query layer is written once, against those), stored the PostgreSQL way (timestamptz, boolean,
 * serial). A type check in schema.ts keeps the two in step.
 */
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp as pgTimestamp,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { TIERS } from "../tiers";
import { MESSAGE_STATUSES, TIER_SOURCES } from "./schema-sqlite";

const timestamp = (name: string) => pgTimestamp(name, { withTimezone: true, precision: 3, mode: "date" });

export const users = pgTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name"),
  /** argon2id; null for accounts that only sign in through OAuth. */
  passwordHash: text("password_hash"),
  tier: text("tier", { enum: TIERS }).notNull().default("free"),
  tierSince: timestamp("tier_since").notNull().defaultNow(),
  tierSource: text("tier_source", { enum: TIER_SOURCES }).notNull().default("default"),
  /** Bumped by "sign out everywhere" and a password change: every older session stops working. */
  sessionVersion: integer("session_version").notNull().default(0),
  /** Guests are made on a first chat message and kept by cookie; they have no email to sign in with. */
  isGuest: boolean("is_guest").notNull().default(false),
  stripeCustomerId: text("stripe_customer_id").unique(),
  createdAt: timestamp("created_at").notNull().defaultNow(),
});

/** One row per signed-in browser; the session cookie names it, sign-out revokes it. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    createdAt: timestamp("created_at").notNull().defaultNow(),
    expiresAt: timestamp("expires_at").notNull(),
    revokedAt: timestamp("revoked_at"),
    /** When the session was last used (to the idle step, SESSION_IDLE_HOURS); null: not since it was made. */
    lastSeenAt: timestamp("last_seen_at"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** OAuth identities (GitHub, Google) linked to a user. */
export const accounts = pgTable(
  "accounts",
  {
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.provider, t.providerAccountId] }),
    index("accounts_user_idx").on(t.userId),
  ],
);

export const tierChanges = pgTable(
  "tier_changes",
  {
    id: serial("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    fromTier: text("from_tier", { enum: TIERS }).notNull(),
    toTier: text("to_tier", { enum: TIERS }).notNull(),
    source: text("source", { enum: TIER_SOURCES }).notNull(),
    /** The redeem code's id, the Stripe event id, or who granted it. */
    reference: text("reference"),
    createdAt: timestamp("created_at").notNull().defaultNow(),
  },
  (t) => [index("tier_changes_user_idx").on(t.userId, t.createdAt)],
);

export const redeemCodes = pgTable("redeem_codes", {
  /** SHA-256 of the code: a leaked database does not leak usable codes. */
  codeHash: text("code_hash").primaryKey(),
  /** The first characters, to tell codes apart in listings. */
  hint: text("hint").notNull(),
  tier: text("tier", { enum: TIERS }).notNull(),
  createdAt: timestamp("created_at").notNull().defaultNow(),
  expiresAt: timestamp("expires_at"),
  redeemedBy: text("redeemed_by").references(() => users.id, { onDelete: "set null" }),
  redeemedAt: timestamp("redeemed_at"),
});

/**
 * The app's sliding-window events, one row per event under a key naming its kind and subject
 * ("sign-in:pair:…", "guest-message:…", "new-guest:…", "api-reply:…", "known:…"): failed sign-ins,
 * guest quotas, new guests, API reply slots and known addresses are each counted over a window
 * (lib/limits/window.ts). Renamed from sign_in_failures, which it outgrew.
 */
export const windowEvents = pgTable(
  "window_events",
  {
    id: serial("id").primaryKey(),
    key: text("key").notNull(),
    at: timestamp("at").notNull(),
  },
  (t) => [index("window_events_key_idx").on(t.key, t.at)],
);

/** Stripe events already applied: a replay finds its id here and changes nothing. */
export const stripeEvents = pgTable("stripe_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  processedAt: timestamp("processed_at").notNull().defaultNow(),
});

/** The latest subscription state Stripe told us about, per customer, so late events can't win. */
export const stripeSubscriptions = pgTable("stripe_subscriptions", {
  customerId: text("customer_id").primaryKey(),
  subscriptionId: text("subscription_id").notNull(),
  status: text("status").notNull(),
  tier: text("tier", { enum: TIERS }).notNull(),
  /** Stripe's event.created (seconds) of the state stored here. */
  eventCreated: bigint("event_created", { mode: "number" }).notNull(),
  updatedAt: timestamp("updated_at").notNull().defaultNow(),
});

/** Messages sent per user per UTC day, for the chat quota. */
export const dailyUsage = pgTable(
  "daily_usage",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    day: text("day").notNull(),
    messages: integer("messages").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] })],
);

export const conversations = pgTable(
  "conversations",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    personaId: text("persona_id").notNull(),
    title: text("title").notNull(),
    /** The conversation this one was handed off from, and the transcript it carried as context. */
    parentId: text("parent_id"),
    handoffContext: text("handoff_context"),
    /** The persona's version when the conversation started (null for older conversations). */
    personaVersion: text("persona_version"),
    /** Pinned by its owner (the sidebar lists pinned conversations first, latest pin first); null: not pinned. */
    pinnedAt: timestamp("pinned_at"),
    /** The hash of that version's persona-file text (persona_versions): the prompt comes from it. */
    personaVersionHash: text("persona_version_hash"),
    createdAt: timestamp("created_at").notNull().defaultNow(),
    updatedAt: timestamp("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("conversations_user_idx").on(t.userId, t.updatedAt),
    index("conversations_parent_idx").on(t.parentId),
    // The conversation search (lib/db/queries/conversation-search.ts) matches this expression.
    index("conversations_title_search_idx").using("gin", sql`to_tsvector('simple', ${t.title})`),
  ],
);

export const messages = pgTable(
  "messages",
  {
    id: text("id").primaryKey(),
    conversationId: text("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["user", "assistant"] }).notNull(),
    content: text("content").notNull(),
    status: text("status", { enum: MESSAGE_STATUSES }).notNull().default("complete"),
    createdAt: timestamp("created_at").notNull().defaultNow(),
    /** Versions of one reply (Regenerate) share a group: the first version's id. Null: one version only. */
    replyGroup: text("reply_group"),
    /** On the conversation's current path; false for a version not shown and for edited-away messages. */
    active: boolean("active").notNull().default(true),
    /**
     * The message this one answers or follows on its branch (null: the conversation's first message,
     * or a message written before branches were kept; lib/chat/branches.ts infers those). Messages
     * with the same parent are versions of one turn: edits of a message, regenerated replies.
     */
    parentId: text("parent_id"),
    /** When this version was last chosen (‹ 2/3 ›); a branch shows the versions chosen last below it. */
    shownAt: timestamp("shown_at"),
    /**
     * A streaming reply's owner process refreshes this about every 500 ms; stale (or null) means the
     * process is gone and the reply can be marked interrupted by any instance.
     */
    heartbeatAt: timestamp("heartbeat_at"),
    /** Stop pressed on any instance; the owner sees it on its next heartbeat and stops the run. */
    stopRequestedAt: timestamp("stop_requested_at"),
    /** The server instance writing this reply (lib/instance.ts): it marks its own interrupted when it starts again. */
    instanceId: text("instance_id"),
    /** Copied from a shared conversation ("Continue this chat"): not a message this user sent. */
    copied: boolean("copied").notNull().default(false),
    /** The order messages were written in (SQLite's rowid plays this part there). */
    seq: bigserial("seq", { mode: "number" }).notNull(),
  },
  (t) => [
    index("messages_conversation_idx").on(t.conversationId, t.createdAt),
    index("messages_conversation_seq_idx").on(t.conversationId, t.seq),
    index("messages_reply_group_idx").on(t.replyGroup),
    // The conversation search (lib/db/queries/conversation-search.ts) matches this expression.
    index("messages_content_search_idx").using("gin", sql`to_tsvector('simple', ${t.content})`),
    // Only the replies being written (a handful): the stream limits, the heartbeat and the sweep of
    // stale replies look them up here instead of scanning a user's, or everyone's, messages. The
    // queries spell the condition as this literal (STREAMING in queries/messages.ts) so both
    // engines' planners can match it.
    index("messages_streaming_idx")
      .on(t.conversationId)
      .where(sql`status = 'streaming'`),
  ],
);

/** Keys for the OpenAI-compatible API (`/v1/*`). Only a hash is kept: the key is shown once. */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** SHA-256 (hex) of the whole key; keys carry 256 random bits, so a plain hash is enough. */
    keyHash: text("key_hash").notNull().unique(),
    /** The key's first characters, to tell keys apart in listings. */
    prefix: text("prefix").notNull(),
    createdAt: timestamp("created_at").notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at"),
    revokedAt: timestamp("revoked_at"),
  },
  (t) => [index("api_keys_user_idx").on(t.userId, t.createdAt)],
);

export const appSettings = pgTable("app_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  createdAt: timestamp("created_at").notNull().defaultNow(),
});

export * from "./schema-pg-community";
export * from "./schema-pg-versions";
export * from "./schema-pg-creators";
