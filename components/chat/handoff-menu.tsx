"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { safeCallbackPath } from "@/lib/http/safe-redirect";
import { apiError, callApi } from "./api-error";
import type { ChatPersona, Notice } from "./chat-types";

/** "Continue with…": hands the conversation on to a persona this one works well with. */
export function HandoffMenu({
  conversationId,
  targets,
  onError,
}: {
  conversationId: string;
  targets: ChatPersona["worksWellWith"];
  onError: (notice: Notice) => void;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);

  async function continueWith(personaId: string) {
    setBusy(true);
    try {
      const result = (await callApi(`/api/conversations/${conversationId}/handoff`, {
        method: "POST",
        body: JSON.stringify({ personaId }),
      })) as { url: string };
      router.push(safeCallbackPath(result.url, "/chat"));
      router.refresh();
    } catch (e) {
      onError(apiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="relative">
      <summary className="cursor-pointer rounded-lg border border-zinc-300 px-3 py-1.5 font-medium dark:border-zinc-700">
        Continue with…
      </summary>
      <ul className="absolute bottom-full z-10 mb-2 flex w-64 flex-col gap-1 rounded-xl border border-zinc-200 bg-white p-2 shadow-lg dark:border-zinc-800 dark:bg-zinc-900">
        {targets.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              disabled={busy}
              onClick={() => continueWith(p.id)}
              className="w-full rounded-lg px-2 py-1.5 text-left hover:bg-zinc-100 dark:hover:bg-zinc-800"
            >
              <span aria-hidden="true">{p.avatar}</span> {p.name}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
