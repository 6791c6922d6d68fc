"use client";

import { useState } from "react";

/** "Helpful" and "Report" on someone else's review (signed-in viewers only). */
export function ReviewActions({ reviewId, helpful }: { reviewId: string; helpful: number }) {
  const [count, setCount] = useState(helpful);
  const [note, setNote] = useState<string | null>(null);
  const post = async (what: "helpful" | "report") => {
    const response = await fetch(`/api/reviews/${reviewId}/${what}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    }).catch(() => null);
    if (!response?.ok) return setNote("That did not work. Try again.");
    if (what === "helpful") setCount(((await response.json()) as { helpful: number }).helpful);
    else setNote("Reported. Thank you: an operator will look at it.");
  };
  return (
    <div className="flex items-center gap-3 text-xs">
      <button type="button" onClick={() => void post("helpful")} className="underline">
        Helpful ({count})
      </button>
      <button type="button" onClick={() => void post("report")} className="underline">
        Report
      </button>
      {note && <span role="status">{note}</span>}
    </div>
  );
}
