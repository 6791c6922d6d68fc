"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/** "Switch to vX": moves the conversation on to the latest version, then shows the page again. */
export function SwitchVersionButton({
  conversationId,
  version,
}: {
  conversationId: string;
  version: string;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onClick = async () => {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/conversations/${conversationId}/persona-version`, { method: "POST" });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        setError(body?.error?.message ?? "Could not switch. Try again.");
        return;
      }
      router.refresh();
    } catch {
      setError("Could not reach the server. Try again.");
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        onClick={onClick}
        disabled={busy}
        className="rounded-md bg-amber-700 px-2 py-1 text-sm font-medium text-white hover:bg-amber-800 disabled:opacity-60"
      >
        Switch to v{version}
      </button>
      {error && (
        <span role="alert" className="text-sm">
          {error}
        </span>
      )}
    </span>
  );
}
