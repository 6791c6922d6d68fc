/** Creators' personas, drafts, submissions, roles and moderation: see schema-pg.ts. */
import { index, integer, pgTable, primaryKey, text, timestamp as pgTimestamp } from "drizzle-orm/pg-core";
import { users } from "./schema-pg";
import {
  CREATOR_PERSONA_STATUSES,
  REVIEW_VERDICTS,
  ROLES,
  SUBMISSION_STATUSES,
} from "./schema-sqlite-creators";

const TIER = ["free", "pro", "max"] as const;

const timestamp = (name: string) => pgTimestamp(name, { withTimezone: true, precision: 3, mode: "date" });

/** A user's public creator handle, chosen once, at first use of the studio. */
export const creators = pgTable("creators", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  handle: text("handle").notNull().unique(),
  createdAt: timestamp("created_at").notNull().defaultNow(),
});

/** A persona being written: its fields as JSON (a draft may be incomplete), saved as the creator types. */
export const creatorDrafts = pgTable(
  "creator_drafts",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The published persona this draft is the next version of, once it has been published. */
    personaId: text("persona_id"),
    fields: text("fields").notNull(),
    /** The persona (and its version) this draft was remixed from. */
    remixOf: text("remix_of"),
    remixOfVersion: text("remix_of_version"),
    createdAt: timestamp("created_at").notNull().defaultNow(),
    updatedAt: timestamp("updated_at").notNull().defaultNow(),
  },
  (t) => [index("creator_drafts_user_idx").on(t.userId, t.updatedAt)],
);

/** A draft sent for publication, as persona-file text, with its automated review and the decision. */
export const creatorSubmissions = pgTable(
  "creator_submissions",
  {
    id: text("id").primaryKey(),
    draftId: text("draft_id"),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    personaId: text("persona_id").notNull(),
    version: text("version").notNull(),
    changelog: text("changelog").notNull(),
    text: text("text").notNull(),
    requestedTier: text("requested_tier", { enum: TIER }).notNull().default("free"),
    verdict: text("verdict", { enum: REVIEW_VERDICTS }).notNull(),
    /** The automated review's findings, as JSON. */
    report: text("report").notNull(),
    status: text("status", { enum: SUBMISSION_STATUSES }).notNull(),
    remixOf: text("remix_of"),
    remixOfVersion: text("remix_of_version"),
    pictureId: text("picture_id"),
    decisionReason: text("decision_reason"),
    decidedBy: text("decided_by"),
    decidedAt: timestamp("decided_at"),
    createdAt: timestamp("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("creator_submissions_status_idx").on(t.status, t.createdAt),
    index("creator_submissions_persona_idx").on(t.personaId, t.createdAt),
    index("creator_submissions_user_idx").on(t.userId, t.createdAt),
  ],
);

/** A published (or unpublished) creator persona: the persona-file text the catalog loads. */
export const creatorPersonas = pgTable(
  "creator_personas",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    version: text("version").notNull(),
    tier: text("tier", { enum: TIER }).notNull(),
    status: text("status", { enum: CREATOR_PERSONA_STATUSES }).notNull(),
    remixOf: text("remix_of"),
    remixOfVersion: text("remix_of_version"),
    pictureId: text("picture_id"),
    submissionId: text("submission_id").notNull(),
    publishedAt: timestamp("published_at").notNull().defaultNow(),
    updatedAt: timestamp("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("creator_personas_status_idx").on(t.status),
    index("creator_personas_user_idx").on(t.userId),
    index("creator_personas_remix_idx").on(t.remixOf),
  ],
);

/** An uploaded picture, re-encoded without metadata, kept in the database so every instance serves it. */
export const creatorPictures = pgTable(
  "creator_pictures",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    contentType: text("content_type").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    /** The bytes, base64: one text column works the same on both engines. */
    data: text("data").notNull(),
    createdAt: timestamp("created_at").notNull().defaultNow(),
  },
  (t) => [index("creator_pictures_user_idx").on(t.userId)],
);

/** Roles the operator grants (`npm run roles`). */
export const userRoles = pgTable(
  "user_roles",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ROLES }).notNull(),
    grantedAt: timestamp("granted_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

/** Every grant and revoke, kept after the role is gone. */
export const roleChanges = pgTable(
  "role_changes",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull(),
    email: text("email").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    action: text("action", { enum: ["grant", "revoke"] }).notNull(),
    by: text("by").notNull(),
    createdAt: timestamp("created_at").notNull().defaultNow(),
  },
  (t) => [index("role_changes_user_idx").on(t.userId, t.createdAt)],
);

/** The audit log: everything a moderator does (who, what, which persona or submission, why). */
export const moderationEvents = pgTable(
  "moderation_events",
  {
    id: text("id").primaryKey(),
    actorId: text("actor_id").notNull(),
    action: text("action").notNull(),
    personaId: text("persona_id"),
    submissionId: text("submission_id"),
    reason: text("reason"),
    createdAt: timestamp("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("moderation_events_time_idx").on(t.createdAt),
    index("moderation_events_persona_idx").on(t.personaId),
  ],
);

/** A signed-in person's report of a published persona: one per person per persona. */
export const personaReports = pgTable(
  "persona_reports",
  {
    personaId: text("persona_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    createdAt: timestamp("created_at").notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at"),
  },
  (t) => [
    primaryKey({ columns: [t.personaId, t.userId] }),
    index("persona_reports_open_idx").on(t.resolvedAt, t.createdAt),
  ],
);
