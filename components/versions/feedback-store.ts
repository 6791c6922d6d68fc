"use client";

import { useSyncExternalStore } from "react";

export type FeedbackRating = "up" | "down" | null;

/** The page's ratings by message id: seeded by the server's render, changed by each 👍/👎 click. */
const ratings = new Map<string, FeedbackRating>();
const listeners = new Set<() => void>();

export function seedFeedback(conversationId: string, seeded: Record<string, "up" | "down">) {
  ratings.clear();
  for (const [id, rating] of Object.entries(seeded)) ratings.set(id, rating);
  currentConversation = conversationId;
  listeners.forEach((l) => l());
}

let currentConversation: string | null = null;
export const feedbackConversation = () => currentConversation;

export function setFeedback(messageId: string, rating: FeedbackRating) {
  ratings.set(messageId, rating);
  listeners.forEach((l) => l());
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function useFeedback(messageId: string): FeedbackRating {
  return useSyncExternalStore(
    subscribe,
    () => ratings.get(messageId) ?? null,
    () => null,
  );
}
