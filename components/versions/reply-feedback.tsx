"use client";

import { useState } from "react";
import { feedbackConversation, setFeedback, useFeedback, type FeedbackRating } from "./feedback-store";

const REASONS = [
  ["wrong", "Wrong"],
  ["unhelpful", "Unhelpful"],
  ["unsafe", "Unsafe"],
  ["other", "Something else"],
] as const;

const button =
  "inline-flex min-h-6 min-w-6 items-center justify-center rounded px-1.5 py-0.5 text-xs hover:bg-zinc-200 aria-pressed:bg-indigo-100 dark:hover:bg-zinc-800 dark:aria-pressed:bg-indigo-900";

/** 👍 / 👎 under a reply, changeable; 👎 offers a short reason. */
export function ReplyFeedback({
  messageId,
  conversationId: given,
}: {
  messageId: string;
  conversationId?: string;
}) {
  const rating = useFeedback(messageId);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const conversationId = given ?? feedbackConversation();
  if (!conversationId) return null;

  const send = async (next: FeedbackRating, reason?: string, text?: string) => {
    setError(null);
    const before = rating;
    setFeedback(messageId, next);
    try {
      const res = await fetch(`/api/conversations/${conversationId}/feedback`, {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ messageId, rating: next, ...(reason && { reason }), ...(text && { text }) }),
      });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? "Could not save your rating.");
      }
    } catch (e) {
      setFeedback(messageId, before);
      setError(e instanceof Error ? e.message : "Could not save your rating.");
    }
  };

  return (
    <span className="inline-flex flex-wrap items-center gap-1" data-testid="reply-feedback">
      <button
        type="button"
        className={button}
        aria-pressed={rating === "up"}
        aria-label="Good reply"
        onClick={() => {
          setAsking(false);
          void send(rating === "up" ? null : "up");
        }}
      >
        👍
      </button>
      <button
        type="button"
        className={button}
        aria-pressed={rating === "down"}
        aria-label="Bad reply"
        onClick={() => {
          const next = rating === "down" ? null : "down";
          setAsking(next === "down");
          setSent(false);
          void send(next);
        }}
      >
        👎
      </button>
      {asking && !sent && (
        <form
          className="flex flex-wrap items-center gap-1 text-xs"
          onSubmit={(e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            const reason = String(data.get("reason") ?? "") || undefined;
            const text = String(data.get("text") ?? "").trim() || undefined;
            void send("down", reason ?? (text ? "other" : undefined), text).then(() => setSent(true));
          }}
        >
          <select name="reason" aria-label="What was wrong" className="rounded border px-1 py-0.5">
            <option value="">Why? (optional)</option>
            {REASONS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <input
            name="text"
            maxLength={500}
            aria-label="Tell us more (optional)"
            placeholder="Tell us more (optional)"
            className="w-40 rounded border px-1 py-0.5"
          />
          <button type="submit" className={button}>
            Send reason
          </button>
        </form>
      )}
      {sent && <span className="text-xs">Thanks.</span>}
      {error && (
        <span role="alert" className="text-xs text-red-700 dark:text-red-300">
          {error}
        </span>
      )}
    </span>
  );
}
