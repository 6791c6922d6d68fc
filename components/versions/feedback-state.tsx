"use client";

import { useLayoutEffect } from "react";
import { seedFeedback } from "./feedback-store";

/** Hands the conversation's stored ratings to the 👍/👎 buttons under its replies. */
export function FeedbackState({
  conversationId,
  ratings,
}: {
  conversationId: string;
  ratings: Record<string, "up" | "down">;
}) {
  useLayoutEffect(() => seedFeedback(conversationId, ratings), [conversationId, ratings]);
  return null;
}
