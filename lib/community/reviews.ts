import "server-only";
import { z } from "zod";
import type { Db, Executor } from "@/lib/db/client";
import {
  countMessagesSent,
  deleteUserReview,
  getUserReview,
  listReviews,
  ratingDistribution,
  upsertReview,
  type ReviewListItem,
} from "@/lib/db/queries/reviews";
import { AppError } from "@/lib/errors";
import type { Persona } from "@/lib/personas/schema";
import { forgetStats } from "./stats-cache";

/** A review is earned by use: this many messages sent to the persona first. */
export const REVIEW_MIN_MESSAGES = 3;
export const REVIEW_MAX_CHARS = 2000;
export const REVIEWS_PAGE_SIZE = 10;

export const reviewInputSchema = z.strictObject({
  rating: z
    .number({ error: "must be a whole number from 1 to 5" })
    .int("must be a whole number from 1 to 5")
    .min(1)
    .max(5),
  text: z
    .string({ error: "must be text" })
    .trim()
    .max(REVIEW_MAX_CHARS, `must be at most ${REVIEW_MAX_CHARS} characters`)
    .optional()
    .transform((t) => (t ? t : null)),
});
export type ReviewInput = z.infer<typeof reviewInputSchema>;

export const reviewsQuerySchema = z.strictObject({
  page: z.coerce
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(1)
    .max(10_000)
    .default(1),
  sort: z.enum(["newest", "helpful"], { error: "must be newest or helpful" }).default("newest"),
});

/** Why this user may not review the persona yet, or null when they may. */
export async function reviewRefusal({
  db,
  userId,
  persona,
}: {
  db: Executor;
  userId: string;
  persona: Persona;
}) {
  const sent = await countMessagesSent({ db, userId, personaId: persona.id });
  if (sent >= REVIEW_MIN_MESSAGES) return null;
  return {
    sent,
    message: `Reviews are written by people who have used ${persona.name}: send at least ${REVIEW_MIN_MESSAGES} messages to it first (you have sent ${sent}).`,
  };
}

export async function writeReview({
  db,
  userId,
  persona,
  input,
}: {
  db: Executor;
  userId: string;
  persona: Persona;
  input: ReviewInput;
}) {
  const refusal = await reviewRefusal({ db, userId, persona });
  if (refusal) throw new AppError("forbidden", refusal.message);
  const review = await upsertReview({
    db,
    userId,
    personaId: persona.id,
    rating: input.rating,
    body: input.text,
    personaVersion: persona.version,
  });
  forgetStats();
  return reviewView(review);
}

/** writeReview in its own write transaction: the refusal check and the write are one step. */
export async function saveReview({
  db,
  ...rest
}: { db: Db } & Omit<Parameters<typeof writeReview>[0], "db">) {
  return await db.transaction(async (tx) => await writeReview({ db: tx, ...rest }), {
    behavior: "immediate",
  });
}

export async function removeReview({
  db,
  userId,
  personaId,
}: {
  db: Executor;
  userId: string;
  personaId: string;
}) {
  if (!(await deleteUserReview({ db, userId, personaId })))
    throw new AppError("not_found", "You have not reviewed this persona.");
  forgetStats();
}

export type ReviewView = {
  id: string;
  rating: number;
  text: string | null;
  personaVersion: string;
  helpful: number;
  author: string;
  createdAt: string;
  updatedAt: string;
};

function reviewView(r: Omit<ReviewListItem, "authorName"> & { authorName?: string | null }): ReviewView {
  return {
    id: r.id,
    rating: r.rating,
    text: r.body,
    personaVersion: r.personaVersion,
    helpful: r.helpful,
    author: r.authorName?.trim() || "A Persona Market user",
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export type ReviewsPage = {
  items: ReviewView[];
  page: number;
  pageCount: number;
  total: number;
  sort: "newest" | "helpful";
  average: number | null;
  /** Count of reviews per rating, 5 down to 1. */
  distribution: { rating: number; count: number }[];
};

export async function reviewsPage({
  db,
  personaId,
  page,
  sort,
}: {
  db: Executor;
  personaId: string;
  page: number;
  sort: "newest" | "helpful";
}): Promise<ReviewsPage> {
  const dist = await ratingDistribution({ db, personaId });
  const distribution = [5, 4, 3, 2, 1].map((rating) => ({ rating, count: dist.get(rating) ?? 0 }));
  const total = distribution.reduce((n, d) => n + d.count, 0);
  const sum = distribution.reduce((n, d) => n + d.rating * d.count, 0);
  const pageCount = Math.max(1, Math.ceil(total / REVIEWS_PAGE_SIZE));
  const current = Math.min(page, pageCount);
  const items = (
    await listReviews({
      db,
      personaId,
      order: sort,
      limit: REVIEWS_PAGE_SIZE,
      offset: (current - 1) * REVIEWS_PAGE_SIZE,
    })
  ).map(reviewView);
  return {
    items,
    page: current,
    pageCount,
    total,
    sort,
    average: total ? Math.round((sum / total) * 100) / 100 : null,
    distribution,
  };
}

/** The viewer's own review, for the form. */
export async function ownReview({
  db,
  userId,
  personaId,
}: {
  db: Executor;
  userId: string;
  personaId: string;
}) {
  const r = await getUserReview({ db, userId, personaId });
  return r ? reviewView(r) : null;
}
