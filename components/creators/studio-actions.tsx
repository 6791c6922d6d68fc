"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage, sendJson } from "./send";

/** Import a file as a draft: the same readers as `npm run content:import`. */
export function ImportButton() {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-1">
      <label
        className="cursor-pointer rounded-xl border px-4 py-2 text-sm font-semibold"
        htmlFor="studio-import"
      >
        Import a file
      </label>
      <input
        id="studio-import"
        type="file"
        className="sr-only"
        accept=".md,.json,.png,.charx"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          if (!file) return;
          try {
            const response = await fetch("/api/studio/import", { method: "POST", body: file });
            const body = (await response.json()) as { id?: string; error?: { message: string } };
            if (!response.ok || !body.id) throw new Error(body.error?.message ?? "The import failed.");
            router.push(`/studio/drafts/${body.id}`);
          } catch (error) {
            setMessage(errorMessage(error));
          }
        }}
      />
      {message && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {message}
        </p>
      )}
    </div>
  );
}

/** A button that asks the API for a draft (edit the next version, remix) and opens it. */
export function OpenDraftButton({ url, label }: { url: string; label: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col">
      <button
        type="button"
        className="rounded-xl border px-4 py-2 text-sm font-semibold hover:bg-zinc-50 dark:hover:bg-zinc-800"
        onClick={async () => {
          try {
            const { id } = (await sendJson("POST", url, {})) as { id: string };
            router.push(`/studio/drafts/${id}`);
          } catch (error) {
            setMessage(errorMessage(error));
          }
        }}
      >
        {label}
      </button>
      {message && (
        <span role="alert" className="text-sm text-red-700 dark:text-red-300">
          {message}
        </span>
      )}
    </span>
  );
}
