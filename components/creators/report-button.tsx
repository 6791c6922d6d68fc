"use client";

import { useState } from "react";
import { errorMessage, sendJson } from "./send";

/** Report a creator's persona to the moderators, with a reason; once per person. */
export function ReportButton({ personaId }: { personaId: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  if (!open)
    return (
      <button type="button" className="underline" onClick={() => setOpen(true)}>
        Report
      </button>
    );
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await sendJson("POST", `/api/personas/${personaId}/report`, { reason });
          setMessage("Reported. Thank you: a moderator will look at it.");
        } catch (error) {
          setMessage(errorMessage(error));
        }
      }}
    >
      <label htmlFor="report-reason" className="sr-only">
        Why are you reporting this persona?
      </label>
      <input
        id="report-reason"
        className="rounded-lg border border-zinc-300 px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
        placeholder="What is wrong?"
        maxLength={1000}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="submit" className="rounded-lg border px-3 py-1">
        Send report
      </button>
      {message && <span role="status">{message}</span>}
    </form>
  );
}
