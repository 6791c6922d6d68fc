"use client";

import { useState } from "react";

/** The owner's share link: made on request (a snapshot of the chat so far), revocable. */
export function ShareButton({ conversationId }: { conversationId: string }) {
  const [url, setUrl] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const call = async (method: "POST" | "DELETE") => {
    setNote(null);
    const response = await fetch(`/api/conversations/${conversationId}/share`, { method }).catch(() => null);
    if (!response?.ok) return setNote("That did not work. Try again.");
    if (method === "POST") setUrl(((await response.json()) as { url: string }).url);
    else {
      setUrl(null);
      setNote("The link no longer works.");
    }
  };
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <button
        type="button"
        onClick={() => void call("POST")}
        className="rounded-lg border border-zinc-300 px-3 py-1.5 dark:border-zinc-700"
      >
        {url ? "New share link" : "Share"}
      </button>
      {url && (
        <>
          <input
            readOnly
            value={url}
            aria-label="Share link"
            className="w-72 rounded border px-2 py-1 text-xs"
            data-testid="share-url"
            onFocus={(e) => e.target.select()}
          />
          <button
            type="button"
            onClick={() => void navigator.clipboard?.writeText(url)}
            className="underline"
          >
            Copy
          </button>
          <button type="button" onClick={() => void call("DELETE")} className="text-red-700 underline">
            Stop sharing
          </button>
        </>
      )}
      {note && <span role="status">{note}</span>}
    </div>
  );
}
