import { sql, type InferSelectModel } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { TIERS } from "../tiers";

const now = sql`(unixepoch('subsec') * 1000)`;
const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });
/** Where a tier came from. */
export const TIER_SOURCES = ["default", "code", "stripe", "operator"] as const;

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name"),
  /** argon2id; null for accounts that only sign in through OAuth. */
  passwordHash: text("password_hash"),
  tier: text("tier", { enum: TIERS }).notNull().default("free"),
  tierSince: timestamp("tier_since").notNull().default(now),
  tierSource: text("tier_source", { enum: TIER_SOURCES }).notNull().default("default"),
  /** Bumped by "sign out everywhere" and a password change: every older session stops working. */
  sessionVersion: integer("session_version").notNull().default(0),
  /** Guests are made on a first chat message and kept by cookie; they have no email to sign in with. */
  isGuest: integer("is_guest", { mode: "boolean" }).notNull().default(false),
  stripeCustomerId: text("stripe_customer_id").unique(),
  createdAt: timestamp("created_at").notNull().default(now),
});
export type User = InferSelectModel<typeof users>;

/** One row per signed-in browser; the session cookie names it, sign-out revokes it. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    createdAt: timestamp("created_at").notNull().default(now),
    expiresAt: timestamp("expires_at").notNull(),
    revokedAt: timestamp("revoked_at"),
    /** When the session was last used (to the idle step, SESSION_IDLE_HOURS); null: not since it was made. */
    lastSeenAt: timestamp("last_seen_at"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);
export type Session = InferSelectModel<typeof sessions>;

/** OAuth identities (GitHub, Google) linked to a user. */
export const accounts = sqliteTable(
  "accounts",
  {
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at").notNull().default(now),
  },
  (t) => [
    primaryKey({ columns: [t.provider, t.providerAccountId] }),
    index("accounts_user_idx").on(t.userId),
  ],
);

export const tierChanges = sqliteTable(
  "tier_changes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    fromTier: text("from_tier", { enum: TIERS }).notNull(),
    toTier: text("to_tier", { enum: TIERS }).notNull(),
    source: text("source", { enum: TIER_SOURCES }).notNull(),
    /** The redeem code's id, the Stripe event id, or who granted it. */
    reference: text("reference"),
    createdAt: timestamp("created_at").notNull().default(now),
  },
  (t) => [index("tier_changes_user_idx").on(t.userId, t.createdAt)],
);
export type TierChange = InferSelectModel<typeof tierChanges>;

export const redeemCodes = sqliteTable("redeem_codes", {
  /** SHA-256 of the code: a leaked database does not leak usable codes. */
  codeHash: text("code_hash").primaryKey(),
  /** The first characters, to tell codes apart in listings. */
  hint: text("hint").notNull(),
  tier: text("tier", { enum: TIERS }).notNull(),
  createdAt: timestamp("created_at").notNull().default(now),
  expiresAt: timestamp("expires_at"),
  redeemedBy: text("redeemed_by").references(() => users.id, { onDelete: "set null" }),
  redeemedAt: timestamp("redeemed_at"),
});
export type RedeemCode = InferSelectModel<typeof redeemCodes>;

/**
 * The app's sliding-window events, one row per event under a key naming its kind and subject
 * ("sign-in:pair:…", "guest-message:…", "new-guest:…", "api-reply:…", "known:…"): failed sign-ins,
 * guest quotas, new guests, API reply slots and known addresses are each counted over a window
 * (lib/limits/window.ts). Renamed from sign_in_failures, which it outgrew.
 */
export const windowEvents = sqliteTable(
  "window_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    key: text("key").notNull(),
    at: timestamp("at").notNull(),
  },
  (t) => [index("window_events_key_idx").on(t.key, t.at)],
);

/** Stripe events already applied: a replay finds its id here and changes nothing. */
export const stripeEvents = sqliteTable("stripe_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  processedAt: timestamp("processed_at").notNull().default(now),
});

/** The latest subscription state Stripe told us about, per customer, so late events can't win. */
export const stripeSubscriptions = sqliteTable("stripe_subscriptions", {
  customerId: text("customer_id").primaryKey(),
  subscriptionId: text("subscription_id").notNull(),
  status: text("status").notNull(),
  tier: text("tier", { enum: TIERS }).notNull(),
  /** Stripe's event.created (seconds) of the state stored here. */
  eventCreated: integer("event_created").notNull(),
  updatedAt: timestamp("updated_at").notNull().default(now),
});

/** Messages sent per user per UTC day, for the chat quota. */
export const dailyUsage = sqliteTable(
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

export const MESSAGE_STATUSES = ["complete", "streaming", "interrupted", "stopped"] as const;

export const conversations = sqliteTable(
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
    createdAt: timestamp("created_at").notNull().default(now),
    updatedAt: timestamp("updated_at").notNull().default(now),
  },
  (t) => [
    index("conversations_user_idx").on(t.userId, t.updatedAt),
    index("conversations_parent_idx").on(t.parentId),
  ],
);
export type Conversation = InferSelectModel<typeof conversations>;

export const messages = sqliteTable(
  "messages",
  {
    id: text("id").primaryKey(),
    conversationId: text("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["user", "assistant"] }).notNull(),
    content: text("content").notNull(),
    status: text("status", { enum: MESSAGE_STATUSES }).notNull().default("complete"),
    createdAt: timestamp("created_at").notNull().default(now),
    /** Versions of one reply (Regenerate) share a group: the first version's id. Null: one version only. */
    replyGroup: text("reply_group"),
    /** On the conversation's current path; false for a version not shown and for edited-away messages. */
    active: integer("active", { mode: "boolean" }).notNull().default(true),
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
    copied: integer("copied", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    index("messages_conversation_idx").on(t.conversationId, t.createdAt),
    index("messages_reply_group_idx").on(t.replyGroup),
    // Only the replies being written (a handful): the stream limits, the heartbeat and the sweep of
    // stale replies look them up here instead of scanning a user's, or everyone's, messages. The
    // queries spell the condition as this literal (STREAMING in queries/messages.ts) so both
    // engines' planners can match it.
    index("messages_streaming_idx")
      .on(t.conversationId)
      .where(sql`status = 'streaming'`),
  ],
);
export type Message = InferSelectModel<typeof messages>;

/** Keys for the OpenAI-compatible API (`/v1/*`). Only a hash is kept: the key is shown once. */
export const apiKeys = sqliteTable(
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
    createdAt: timestamp("created_at").notNull().default(now),
    lastUsedAt: timestamp("last_used_at"),
    revokedAt: timestamp("revoked_at"),
  },
  (t) => [index("api_keys_user_idx").on(t.userId, t.createdAt)],
);
export type ApiKey = InferSelectModel<typeof apiKeys>;

/** Settings every server process must agree on (the generated session secret), kept with the data. */
export const appSettings = sqliteTable("app_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  createdAt: timestamp("created_at").notNull().default(now),
});

export * from "./schema-sqlite-community";
export * from "./schema-sqlite-versions";
export * from "./schema-sqlite-creators";
