"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useRef, useState } from "react";
import { useDismiss } from "@/components/ui/use-dismiss";
import { safeCallbackPath } from "@/lib/http/safe-redirect";
import { apiError, callApi } from "./api-error";
import type { ChatPersona, ChatViewer, Notice } from "./chat-types";

const item = "flex min-h-9 w-full items-center gap-2 rounded-lg px-2 py-1.5 text-left";

/**
 * "Continue with…": hands the conversation on to a persona this one works well with. Personas the
 * viewer's plan does not include are shown locked, with the way to unlock them.
 */
export function HandoffMenu({
  conversationId,
  targets,
  viewer,
  onError,
}: {
  conversationId: string;
  targets: ChatPersona["worksWellWith"];
  viewer: ChatViewer;
  onError: (notice: Notice) => void;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, box, button);

  async function continueWith(personaId: string) {
    setBusy(true);
    try {
      const result = (await callApi(`/api/conversations/${conversationId}/handoff`, {
        method: "POST",
        body: JSON.stringify({ personaId }),
      })) as { url: string };
      setOpen(false);
      router.push(safeCallbackPath(result.url, "/chat"));
      router.refresh();
    } catch (e) {
      onError(apiError(e));
    } finally {
      setBusy(false);
    }
  }

  const unlock =
    viewer.kind === "user"
      ? { href: "/pricing", label: "See plans" }
      : { href: `/sign-in?callbackUrl=${encodeURIComponent(`/chat/${conversationId}`)}`, label: "Sign in" };
  return (
    <div ref={box} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls="handoff-menu"
        onClick={() => setOpen((o) => !o)}
        className="min-h-8 rounded-lg border border-zinc-300 px-3 py-1 font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        Continue with…
      </button>
      {open && (
        <ul
          id="handoff-menu"
          aria-label="Continue with"
          className="absolute bottom-full z-10 mb-2 flex w-72 max-w-[calc(100vw-2rem)] flex-col gap-1 rounded-xl border border-zinc-200 bg-white p-2 shadow-lg dark:border-zinc-800 dark:bg-zinc-900"
        >
          {targets.map((p) => (
            <li key={p.id} data-testid="handoff-target" data-locked={p.locked || undefined}>
              {p.locked ? (
                <div className={`${item} text-zinc-600 dark:text-zinc-400`}>
                  <span aria-hidden="true">🔒</span>
                  <span className="min-w-0 flex-1">
                    {p.name} <span className="text-xs">({p.tierLabel})</span>
                  </span>
                  <Link href={unlock.href} className="text-xs text-indigo-700 underline dark:text-indigo-300">
                    {unlock.label}
                    <span className="sr-only"> to continue with {p.name}</span>
                  </Link>
                </div>
              ) : (
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => continueWith(p.id)}
                  className={`${item} hover:bg-zinc-100 dark:hover:bg-zinc-800`}
                >
                  <span aria-hidden="true">{p.avatar}</span> {p.name}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
