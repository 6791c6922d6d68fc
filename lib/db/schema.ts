/**
 * The tables the query layer uses: this process's engine's (lib/db/schema-sqlite.ts without
 * DATABASE_URL, lib/db/schema-pg.ts with it). A process uses one engine, so the choice is made once,
 * here; queries are written once, typed against the SQLite definitions, and the check below keeps
 * the PostgreSQL tables in step with them (same tables, same columns, same JavaScript types).
 */
import type { InferInsertModel, InferSelectModel } from "drizzle-orm";
import { databaseEngine } from "@/lib/env";
import * as pg from "./schema-pg";
import * as sqlite from "./schema-sqlite";

export { MESSAGE_STATUSES, TIER_SOURCES } from "./schema-sqlite";
export {
  CREATOR_PERSONA_STATUSES,
  REVIEW_VERDICTS,
  ROLES,
  SUBMISSION_STATUSES,
} from "./schema-sqlite-creators";

type SqliteTables = Omit<
  typeof sqlite,
  | "MESSAGE_STATUSES"
  | "TIER"
  | "TIER_SOURCES"
  | "CREATOR_PERSONA_STATUSES"
  | "REVIEW_VERDICTS"
  | "ROLES"
  | "SUBMISSION_STATUSES"
>;

/** Same tables and columns with the same row types in both schemas, or this does not compile. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type PgRows = {
  [K in keyof SqliteTables]: K extends keyof typeof pg ? InferSelectModel<(typeof pg)[K]> : never;
};
type SqliteRows = { [K in keyof SqliteTables]: InferSelectModel<SqliteTables[K]> };
type PgInserts = {
  [K in keyof SqliteTables]: K extends keyof typeof pg ? InferInsertModel<(typeof pg)[K]> : never;
};
type SqliteInserts = { [K in keyof SqliteTables]: InferInsertModel<SqliteTables[K]> };
/** messages.seq exists only in PostgreSQL (SQLite has rowid): left out of the comparison. */
type WithoutSeq<T> = { [K in keyof T]: K extends "messages" ? Omit<T[K], "seq"> : T[K] };
const tablesMatch: [Same<WithoutSeq<PgRows>, SqliteRows>, Same<WithoutSeq<PgInserts>, SqliteInserts>] = [
  true,
  true,
];
void tablesMatch;

const active: typeof sqlite = databaseEngine() === "postgres" ? (pg as unknown as typeof sqlite) : sqlite;

export const {
  users,
  sessions,
  accounts,
  tierChanges,
  redeemCodes,
  signInFailures,
  stripeEvents,
  stripeSubscriptions,
  dailyUsage,
  conversations,
  messages,
  apiKeys,
  favorites,
  personaUsageActors,
  personaUsageDays,
  reviews,
  reviewVotes,
  reviewReports,
  conversationShares,
  appSettings,
  creators,
  creatorDrafts,
  creatorSubmissions,
  creatorPersonas,
  creatorPictures,
  userRoles,
  roleChanges,
  moderationEvents,
  personaReports,
} = active;

export type User = sqlite.User;
export type Session = sqlite.Session;
export type TierChange = sqlite.TierChange;
export type RedeemCode = sqlite.RedeemCode;
export type Conversation = sqlite.Conversation;
export type Message = sqlite.Message;
export type ApiKey = sqlite.ApiKey;
export type Review = sqlite.Review;
export type ConversationShare = sqlite.ConversationShare;
export type Creator = sqlite.Creator;
export type CreatorDraft = sqlite.CreatorDraft;
export type CreatorSubmission = sqlite.CreatorSubmission;
export type CreatorPersona = sqlite.CreatorPersona;
export type ModerationEvent = sqlite.ModerationEvent;
