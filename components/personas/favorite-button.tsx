"use client";

import Link from "next/link";
import { useState } from "react";

/**
 * The star on a card or a persona page. Without a viewer it is a link to sign in that comes back
 * to the same place; with one it toggles the viewer's own star.
 */
export function FavoriteButton({
  personaId,
  personaName,
  starred,
  signInHref,
}: {
  personaId: string;
  personaName: string;
  /** null when nobody is signed in. */
  starred: boolean | null;
  signInHref: string;
}) {
  const [on, setOn] = useState(Boolean(starred));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cls =
    "relative z-10 inline-flex items-center rounded-lg border border-zinc-300 px-2 py-1 text-sm hover:bg-amber-50 dark:border-zinc-700 dark:hover:bg-zinc-800";
  if (starred === null) {
    return (
      <Link
        href={signInHref}
        className={cls}
        aria-label={`Sign in to star ${personaName}`}
        data-testid="favorite-sign-in"
      >
        <span aria-hidden="true">☆</span>
      </Link>
    );
  }
  const toggle = async () => {
    setBusy(true);
    setError(null);
    const response = await fetch(`/api/personas/${personaId}/favorite`, {
      method: on ? "DELETE" : "PUT",
    }).catch(() => null);
    setBusy(false);
    if (response?.ok) setOn(((await response.json()) as { favorited: boolean }).favorited);
    else setError("Could not save the star. Try again.");
  };
  return (
    <>
      <button
        type="button"
        className={cls}
        aria-pressed={on}
        aria-label={on ? `Unstar ${personaName}` : `Star ${personaName}`}
        disabled={busy}
        onClick={toggle}
        data-testid="favorite-button"
      >
        <span aria-hidden="true" className={on ? "text-amber-500" : ""}>
          {on ? "★" : "☆"}
        </span>
      </button>
      {error && (
        <span role="alert" className="relative z-10 text-xs text-red-700">
          {error}
        </span>
      )}
    </>
  );
}
