"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage, sendJson } from "./send";

/** Choosing the public handle, once, at first use of the studio. */
export function HandleForm() {
  const router = useRouter();
  const [handle, setHandle] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  return (
    <form
      className="flex flex-col gap-2"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await sendJson("POST", "/api/studio/handle", { handle });
          router.refresh();
        } catch (error) {
          setMessage(errorMessage(error));
        }
      }}
    >
      <label htmlFor="creator-handle" className="text-sm font-medium">
        Your public handle
      </label>
      <div className="flex gap-2">
        <input
          id="creator-handle"
          className="rounded-lg border border-zinc-300 px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          value={handle}
          maxLength={20}
          onChange={(e) => setHandle(e.target.value)}
        />
        <button type="submit" className="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-semibold text-white">
          Choose handle
        </button>
      </div>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        3 to 20 characters: a-z, 0-9 and dashes. It names you on your personas and cannot be changed.
      </p>
      {message && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {message}
        </p>
      )}
    </form>
  );
}
