"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/** Write, edit or delete the viewer's one review (plain text; the page renders it as text). */
export function ReviewForm({
  personaId,
  existing,
  maxChars,
}: {
  personaId: string;
  existing: { rating: number; text: string | null } | null;
  maxChars: number;
}) {
  const router = useRouter();
  const [rating, setRating] = useState(existing?.rating ?? 0);
  const [text, setText] = useState(existing?.text ?? "");
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (method: "PUT" | "DELETE") => {
    setBusy(true);
    setStatus(null);
    const response = await fetch(`/api/personas/${personaId}/review`, {
      method,
      headers: { "content-type": "application/json" },
      body: method === "PUT" ? JSON.stringify({ rating, text: text || undefined }) : undefined,
    }).catch(() => null);
    setBusy(false);
    if (!response?.ok) {
      const body = (await response?.json().catch(() => null)) as { error?: { message?: string } } | null;
      return setStatus(body?.error?.message ?? "Could not save the review. Try again.");
    }
    setStatus(method === "PUT" ? "Review saved." : "Review deleted.");
    if (method === "DELETE") {
      setRating(0);
      setText("");
    }
    router.refresh();
  };
  return (
    <form
      className="flex flex-col gap-3 rounded-2xl border border-zinc-200 p-4 dark:border-zinc-800"
      aria-label="Your review"
      onSubmit={(e) => {
        e.preventDefault();
        void send("PUT");
      }}
    >
      <fieldset className="flex flex-wrap items-center gap-2">
        <legend className="mb-1 text-sm font-semibold">{existing ? "Your review" : "Rate it"}</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className="flex items-center gap-1 text-sm">
            <input
              type="radio"
              name="rating"
              value={n}
              checked={rating === n}
              onChange={() => setRating(n)}
              required
            />
            {n}★
          </label>
        ))}
      </fieldset>
      <label className="flex flex-col gap-1 text-sm">
        What was it like? (optional)
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={maxChars}
          rows={3}
          className="rounded-lg border border-zinc-300 bg-white p-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        />
      </label>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={busy || rating === 0}
          className="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-700 disabled:opacity-60"
        >
          {existing ? "Update review" : "Post review"}
        </button>
        {existing && (
          <button
            type="button"
            disabled={busy}
            onClick={() => void send("DELETE")}
            className="text-sm text-red-700 underline"
          >
            Delete review
          </button>
        )}
        <span role="status" className="text-sm">
          {status}
        </span>
      </div>
    </form>
  );
}
