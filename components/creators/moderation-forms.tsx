"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { TIERS, type Tier } from "@/lib/personas/schema";
import { errorMessage, sendJson } from "./send";

const input = "rounded-lg border border-zinc-300 px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900";

/** Approve (at a tier the moderator sets) or reject (with a reason the creator sees) one submission. */
export function DecisionForm({ submissionId, floor }: { submissionId: string; floor: Tier }) {
  const router = useRouter();
  const [tier, setTier] = useState<Tier>(floor);
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const send = async (decision: "approve" | "reject") => {
    try {
      await sendJson("POST", "/api/moderation/decisions", {
        decision,
        submissionId,
        reason,
        ...(decision === "approve" && { tier }),
      });
      router.refresh();
    } catch (error) {
      setMessage(errorMessage(error));
    }
  };
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col text-sm">
          Tier
          <select className={input} value={tier} onChange={(e) => setTier(e.target.value as Tier)}>
            {TIERS.slice(TIERS.indexOf(floor)).map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-1 flex-col text-sm">
          Reason (the creator sees it)
          <input
            className={input}
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        <button
          type="button"
          className="rounded-lg bg-emerald-700 px-4 py-2 text-sm font-semibold text-white"
          onClick={() => void send("approve")}
        >
          Approve
        </button>
        <button
          type="button"
          className="rounded-lg bg-red-700 px-4 py-2 text-sm font-semibold text-white"
          onClick={() => void send("reject")}
        >
          Reject
        </button>
      </div>
      {message && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {message}
        </p>
      )}
    </div>
  );
}

/** Take a creator persona out of the catalog, with a reason for the audit log. */
export function UnpublishForm({ personaId }: { personaId: string }) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await sendJson("POST", "/api/moderation/unpublish", { personaId, reason });
          router.refresh();
        } catch (error) {
          setMessage(errorMessage(error));
        }
      }}
    >
      <label className="flex flex-col text-sm">
        Reason
        <input className={input} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="submit" className="rounded-lg bg-red-700 px-4 py-2 text-sm font-semibold text-white">
        Unpublish {personaId}
      </button>
      {message && (
        <span role="alert" className="text-sm text-red-700 dark:text-red-300">
          {message}
        </span>
      )}
    </form>
  );
}
