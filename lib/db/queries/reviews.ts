import "server-only";
import { randomUUID } from "node:crypto";
import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { first, rowCount, inserted } from "../dialect";
import type { Executor } from "../client";
import { conversations, messages, reviewReports, reviews, reviewVotes, users, type Review } from "../schema";

/** Average and count of visible reviews per persona. */
export async function ratingTotals({
  db,
}: {
  db: Executor;
}): Promise<Map<string, { sum: number; count: number }>> {
  const rows = await db
    .select({
      personaId: reviews.personaId,
      sum: sql<number>`sum(${reviews.rating})`.mapWith(Number),
      n: count(),
    })
    .from(reviews)
    .where(isNull(reviews.hiddenAt))
    .groupBy(reviews.personaId);
  return new Map(rows.map((r) => [r.personaId, { sum: Number(r.sum), count: r.n }]));
}

/** Messages the user has sent to a persona, over all their conversations with it. */
export async function countMessagesSent({
  db,
  userId,
  personaId,
}: {
  db: Executor;
  userId: string;
  personaId: string;
}): Promise<number> {
  return (
    (
      await db
        .select({ n: count() })
        .from(messages)
        .innerJoin(conversations, eq(messages.conversationId, conversations.id))
        .where(
          and(
            eq(conversations.userId, userId),
            eq(conversations.personaId, personaId),
            eq(messages.role, "user"),
            // Only what they wrote: messages copied from a shared chat were someone else's.
            eq(messages.copied, false),
          ),
        )
        .then(first)
    )?.n ?? 0
  );
}

export async function getReview({ db, id }: { db: Executor; id: string }): Promise<Review | undefined> {
  return db.select().from(reviews).where(eq(reviews.id, id)).then(first);
}

export async function getUserReview({
  db,
  userId,
  personaId,
}: {
  db: Executor;
  userId: string;
  personaId: string;
}) {
  return db
    .select()
    .from(reviews)
    .where(and(eq(reviews.userId, userId), eq(reviews.personaId, personaId)))
    .then(first);
}

/** The user's one review of the persona: written the first time, edited after. */
export async function upsertReview({
  db,
  userId,
  personaId,
  rating,
  body,
  personaVersion,
}: {
  db: Executor;
  userId: string;
  personaId: string;
  rating: number;
  body: string | null;
  personaVersion: string;
}): Promise<Review> {
  return db
    .insert(reviews)
    .values({ id: randomUUID(), userId, personaId, rating, body, personaVersion })
    .onConflictDoUpdate({
      target: [reviews.userId, reviews.personaId],
      set: { rating, body, personaVersion, updatedAt: new Date() },
    })
    .returning()
    .then(inserted);
}

export async function deleteUserReview({
  db,
  userId,
  personaId,
}: {
  db: Executor;
  userId: string;
  personaId: string;
}) {
  return (
    rowCount(
      await db.delete(reviews).where(and(eq(reviews.userId, userId), eq(reviews.personaId, personaId))),
    ) === 1
  );
}

export type ReviewListItem = Pick<
  Review,
  "id" | "rating" | "body" | "personaVersion" | "helpful" | "createdAt" | "updatedAt"
> & { authorName: string | null };

/** Visible reviews of a persona, newest or most helpful first. Never the author's email. */
export async function listReviews({
  db,
  personaId,
  order,
  limit,
  offset,
}: {
  db: Executor;
  personaId: string;
  order: "newest" | "helpful";
  limit: number;
  offset: number;
}): Promise<ReviewListItem[]> {
  return db
    .select({
      id: reviews.id,
      rating: reviews.rating,
      body: reviews.body,
      personaVersion: reviews.personaVersion,
      helpful: reviews.helpful,
      createdAt: reviews.createdAt,
      updatedAt: reviews.updatedAt,
      authorName: users.name,
    })
    .from(reviews)
    .innerJoin(users, eq(reviews.userId, users.id))
    .where(and(eq(reviews.personaId, personaId), isNull(reviews.hiddenAt)))
    .orderBy(
      ...(order === "helpful" ? [desc(reviews.helpful)] : []),
      desc(reviews.createdAt),
      desc(reviews.id),
    )
    .limit(limit)
    .offset(offset);
}

/** How many visible reviews gave each rating. */
export async function ratingDistribution({
  db,
  personaId,
}: {
  db: Executor;
  personaId: string;
}): Promise<Map<number, number>> {
  const rows = await db
    .select({ rating: reviews.rating, n: count() })
    .from(reviews)
    .where(and(eq(reviews.personaId, personaId), isNull(reviews.hiddenAt)))
    .groupBy(reviews.rating);
  return new Map(rows.map((r) => [r.rating, r.n]));
}

/** One vote per user per review; true when this one counted. */
export async function addHelpfulVote({
  db,
  reviewId,
  userId,
}: {
  db: Executor;
  reviewId: string;
  userId: string;
}): Promise<boolean> {
  const added = await db.insert(reviewVotes).values({ reviewId, userId }).onConflictDoNothing();
  if (rowCount(added) !== 1) return false;
  await db
    .update(reviews)
    .set({ helpful: sql`${reviews.helpful} + 1` })
    .where(eq(reviews.id, reviewId));
  return true;
}

export async function addReport({
  db,
  reviewId,
  userId,
  reason,
}: {
  db: Executor;
  reviewId: string;
  userId: string;
  reason: string | null;
}): Promise<boolean> {
  return (
    rowCount(await db.insert(reviewReports).values({ reviewId, userId, reason }).onConflictDoNothing()) === 1
  );
}

export type ReportedReview = {
  id: string;
  personaId: string;
  rating: number;
  body: string | null;
  hidden: boolean;
  reports: number;
  reasons: string[];
};

/** Reviews with reports no operator has dealt with yet, most reported first. */
export async function listReportedReviews({ db }: { db: Executor }): Promise<ReportedReview[]> {
  const open = await db
    .select({ reviewId: reviewReports.reviewId, reason: reviewReports.reason })
    .from(reviewReports)
    .where(isNull(reviewReports.resolvedAt));
  const byReview = new Map<string, string[]>();
  for (const r of open)
    byReview.set(r.reviewId, [...(byReview.get(r.reviewId) ?? []), ...(r.reason ? [r.reason] : [])]);
  const counts = new Map<string, number>();
  for (const r of open) counts.set(r.reviewId, (counts.get(r.reviewId) ?? 0) + 1);
  if (counts.size === 0) return [];
  return (
    await db
      .select()
      .from(reviews)
      .where(inArray(reviews.id, [...counts.keys()]))
  )
    .map((r) => ({
      id: r.id,
      personaId: r.personaId,
      rating: r.rating,
      body: r.body,
      hidden: r.hiddenAt !== null,
      reports: counts.get(r.id) ?? 0,
      reasons: byReview.get(r.id) ?? [],
    }))
    .sort((a, b) => b.reports - a.reports);
}

/** An operator hides or restores a review; its open reports are dealt with either way. */
export async function setReviewHidden({
  db,
  id,
  hidden,
}: {
  db: Executor;
  id: string;
  hidden: boolean;
}): Promise<boolean> {
  const changed = rowCount(
    await db
      .update(reviews)
      .set({ hiddenAt: hidden ? new Date() : null })
      .where(eq(reviews.id, id)),
  );
  if (changed !== 1) return false;
  await db
    .update(reviewReports)
    .set({ resolvedAt: new Date() })
    .where(and(eq(reviewReports.reviewId, id), isNull(reviewReports.resolvedAt)));
  return true;
}
