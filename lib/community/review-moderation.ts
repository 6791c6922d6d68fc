import "server-only";
import { z } from "zod";
import type { Executor } from "@/lib/db/client";
import { addHelpfulVote, addReport, getReview, setReviewHidden } from "@/lib/db/queries/reviews";
import { AppError } from "@/lib/errors";
import { forgetStats } from "./stats-cache";

export const reviewIdSchema = z.uuid({ error: "must be a review id" });
export const reportSchema = z.strictObject({
  reason: z.string({ error: "must be text" }).trim().max(500, "must be at most 500 characters").optional(),
});

async function visibleReview(db: Executor, id: string) {
  const review = reviewIdSchema.safeParse(id).success ? await getReview({ db, id }) : undefined;
  if (!review || review.hiddenAt) throw new AppError("not_found", "There is no review with that id.");
  return review;
}

/** Anyone signed in may report a review once; it stays visible until an operator acts. */
export async function reportReview({
  db,
  id,
  userId,
  reason,
}: {
  db: Executor;
  id: string;
  userId: string;
  reason?: string;
}) {
  await visibleReview(db, id);
  return { reported: true, counted: await addReport({ db, reviewId: id, userId, reason: reason || null }) };
}

/** One "helpful" per user per review, never on one's own. */
export async function markHelpful({ db, id, userId }: { db: Executor; id: string; userId: string }) {
  const review = await visibleReview(db, id);
  if (review.userId === userId)
    throw new AppError("forbidden", "You cannot mark your own review as helpful.");
  await addHelpfulVote({ db, reviewId: id, userId });
  return { helpful: (await getReview({ db, id }))!.helpful };
}

/** The operator's hide / restore (npm run reviews). */
export async function moderateReview({
  db,
  id,
  hidden,
}: {
  db: Executor;
  id: string;
  hidden: boolean;
}): Promise<boolean> {
  const done = await setReviewHidden({ db, id, hidden });
  if (done) forgetStats();
  return done;
}
