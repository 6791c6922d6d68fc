import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { deleteFeedback, replyForFeedback, upsertFeedback } from "@/lib/db/queries/reply-feedback";
import { FEEDBACK_REASONS } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { Catalog } from "@/lib/personas/catalog";

export const FEEDBACK_TEXT_MAX = 500;

/** 👍 / 👎 (or null: take it back), with an optional reason on 👎. */
export const feedbackSchema = z
  .strictObject({
    messageId: z.uuid({ error: "must be a message id" }),
    rating: z.enum(["up", "down"], { error: "must be up, down or null" }).nullable(),
    reason: z.enum(FEEDBACK_REASONS, { error: `must be one of: ${FEEDBACK_REASONS.join(", ")}` }).optional(),
    text: z
      .string({ error: "must be text" })
      .trim()
      .max(FEEDBACK_TEXT_MAX, `must be at most ${FEEDBACK_TEXT_MAX} characters`)
      .optional(),
  })
  .refine((f) => f.rating === "down" || (f.reason === undefined && !f.text), {
    message: "a reason goes with 👎 only",
    path: ["reason"],
  });
export type FeedbackRequest = z.infer<typeof feedbackSchema>;

/**
 * Rates a reply of the user's own conversation (a guest's too), stored with the persona version
 * that wrote it; rating again changes it, null takes it back.
 */
export async function setReplyFeedback({
  db,
  catalog,
  userId,
  conversationId,
  request,
}: {
  db: Db;
  catalog: Catalog;
  userId: string;
  conversationId: string;
  request: FeedbackRequest;
}): Promise<{ rating: "up" | "down" | null }> {
  const reply = await replyForFeedback({ db, conversationId, messageId: request.messageId, userId });
  if (!reply) throw new AppError("not_found", "There is no such reply in this conversation.");
  if (request.rating === null) {
    await deleteFeedback({ db, messageId: request.messageId, userId });
    return { rating: null };
  }
  const version = reply.version ?? catalog.byId.get(reply.personaId)?.version ?? "unknown";
  const text = request.text || null;
  await upsertFeedback({
    db,
    messageId: request.messageId,
    userId,
    personaId: reply.personaId,
    personaVersion: version,
    input: {
      rating: request.rating,
      reason: request.rating === "down" ? (request.reason ?? (text ? "other" : null)) : null,
      reasonText: request.rating === "down" ? text : null,
    },
  });
  return { rating: request.rating };
}
