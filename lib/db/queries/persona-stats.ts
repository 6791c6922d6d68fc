import "server-only";
import {
  and,
  count,
  eq,
  getTableName,
  gte,
  isNull,
  notInArray,
  sql,
  type AnyColumn,
  type SQL,
} from "drizzle-orm";
import { isPostgres } from "../dialect";
import type { Executor } from "../client";
import {
  conversations,
  favorites,
  messages,
  personaApiCalls,
  replyFeedback,
  reviews,
  userRoles,
} from "../schema";

/**
 * GROUP BY the select list's columns by position (both engines take it): PostgreSQL does not see a
 * selected expression and the same one in GROUP BY as equal when drizzle qualifies one and not the other.
 */
const byPosition = (...columns: (SQL | SQL.Aliased | AnyColumn)[]) =>
  (isPostgres ? columns.map((_, i) => sql.raw(String(i + 1))) : columns) as SQL[];

/** A timestamp column's UTC day, YYYY-MM-DD, on either engine. */
const utcDay = (column: unknown): SQL<string> =>
  isPostgres
    ? sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD')`
    : sql<string>`strftime('%Y-%m-%d', ${column} / 1000, 'unixepoch')`;

/**
 * A column always written with its table's name. In a select from one table, drizzle writes the
 * columns of a selected expression bare (on PostgreSQL): inside a correlated subquery a bare "id"
 * then means the subquery's own table's column, not the outer row's.
 */
const qualified = (column: AnyColumn) =>
  sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
const conversationId = qualified(conversations.id);

/** The version a message was written to: the one a later switch moved away from, else the conversation's. */
const messageVersion = sql<string>`coalesce((select ch.from_version from conversation_version_changes ch where ch.conversation_id = ${conversationId} and ch.at > ${qualified(messages.createdAt)} order by ch.at limit 1), ${qualified(conversations.personaVersion)}, 'unknown')`;
/** The version a conversation started on: before its first switch, else its own. */
const startVersion = sql<string>`coalesce((select ch.from_version from conversation_version_changes ch where ch.conversation_id = ${conversationId} order by ch.at limit 1), ${qualified(conversations.personaVersion)}, 'unknown')`;

type Scope = { db: Executor; personaId: string; since: Date; exclude: readonly string[] };

const notExcluded = (column: Parameters<typeof notInArray>[0], exclude: readonly string[]) =>
  exclude.length ? notInArray(column, [...exclude]) : undefined;

/** Web messages by user, day and version (each a user's message sent to the persona). */
export async function webActivity({ db, personaId, since, exclude }: Scope) {
  const day = utcDay(messages.createdAt);
  return db
    .select({ userId: conversations.userId, day, version: messageVersion, messages: count() })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(
      and(
        eq(conversations.personaId, personaId),
        eq(messages.role, "user"),
        gte(messages.createdAt, since),
        notExcluded(conversations.userId, exclude),
      ),
    )
    .groupBy(...byPosition(conversations.userId, day, messageVersion));
}

/** Conversations started, by day and the version they started on. */
export async function conversationsStarted({ db, personaId, since, exclude }: Scope) {
  const day = utcDay(conversations.createdAt);
  return db
    .select({ day, version: startVersion, conversations: count() })
    .from(conversations)
    .where(
      and(
        eq(conversations.personaId, personaId),
        gte(conversations.createdAt, since),
        notExcluded(conversations.userId, exclude),
      ),
    )
    .groupBy(...byPosition(day, startVersion));
}

/** API replies by user, day and version. */
export async function apiActivity({ db, personaId, since, exclude }: Scope) {
  return db
    .select({
      userId: personaApiCalls.userId,
      day: personaApiCalls.day,
      version: personaApiCalls.version,
      calls: personaApiCalls.calls,
    })
    .from(personaApiCalls)
    .where(
      and(
        eq(personaApiCalls.personaId, personaId),
        gte(personaApiCalls.day, since.toISOString().slice(0, 10)),
        notExcluded(personaApiCalls.userId, exclude),
      ),
    );
}

/** 👍/👎 by day (of the latest change) and version. */
export async function feedbackCounts({ db, personaId, since, exclude }: Scope) {
  const day = utcDay(replyFeedback.updatedAt);
  return db
    .select({ day, version: replyFeedback.personaVersion, rating: replyFeedback.rating, n: count() })
    .from(replyFeedback)
    .where(
      and(
        eq(replyFeedback.personaId, personaId),
        gte(replyFeedback.updatedAt, since),
        notExcluded(replyFeedback.userId, exclude),
      ),
    )
    .groupBy(...byPosition(day, replyFeedback.personaVersion, replyFeedback.rating));
}

/** Stars given by day (since), and the total now. */
export async function starCounts({ db, personaId, since, exclude }: Scope) {
  const day = utcDay(favorites.createdAt);
  const [byDay, total] = await Promise.all([
    db
      .select({ day, n: count() })
      .from(favorites)
      .where(
        and(
          eq(favorites.personaId, personaId),
          gte(favorites.createdAt, since),
          notExcluded(favorites.userId, exclude),
        ),
      )
      .groupBy(...byPosition(day)),
    db
      .select({ n: count() })
      .from(favorites)
      .where(and(eq(favorites.personaId, personaId), notExcluded(favorites.userId, exclude))),
  ]);
  return { byDay, total: total[0]?.n ?? 0 };
}

/** Visible reviews' count and average rating by the version they were written for. */
export async function ratingsByVersion({ db, personaId, exclude }: Omit<Scope, "since">) {
  return db
    .select({
      version: reviews.personaVersion,
      reviews: count(),
      sum: sql<number>`sum(${reviews.rating})`.mapWith(Number),
    })
    .from(reviews)
    .where(
      and(eq(reviews.personaId, personaId), isNull(reviews.hiddenAt), notExcluded(reviews.userId, exclude)),
    )
    .groupBy(reviews.personaVersion);
}

/** Everyone holding the moderator role (their use of a persona is not counted in its figures). */
export async function moderatorIds({ db }: { db: Executor }): Promise<string[]> {
  const rows = await db
    .select({ userId: userRoles.userId })
    .from(userRoles)
    .where(eq(userRoles.role, "moderator"));
  return rows.map((r) => r.userId);
}
