import { sql, type InferSelectModel } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

const now = sql`(unixepoch() * 1000)`;

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name"),
  /** argon2id; null for accounts that only sign in through OAuth. */
  passwordHash: text("password_hash"),
  tier: text("tier", { enum: ["free", "pro", "max"] }).notNull().default("free"),
  tierSince: integer("tier_since", { mode: "timestamp_ms" }).notNull().default(now),
  /** Bumped on sign-out everywhere and password change: older sessions stop working. */
  sessionVersion: integer("session_version").notNull().default(0),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
});
export type User = InferSelectModel<typeof users>;
