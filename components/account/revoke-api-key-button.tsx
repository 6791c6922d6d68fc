"use client";

import { useActionState } from "react";
import type { FormState } from "@/app/account/actions";
import { revokeApiKeyAction } from "@/app/account/api-key-actions";

export function RevokeApiKeyButton({ id, name }: { id: string; name: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(revokeApiKeyAction, {});
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`Revoke ${name}`}
        className="rounded-lg border border-rose-300 px-3 py-1 text-sm font-medium text-rose-800 hover:bg-rose-50 disabled:opacity-60 dark:border-rose-800 dark:text-rose-300 dark:hover:bg-rose-950"
      >
        {pending ? "Revoking…" : "Revoke"}
      </button>
      {state.message && !state.ok && (
        <p role="status" className="text-xs text-rose-700 dark:text-rose-400">
          {state.message}
        </p>
      )}
    </form>
  );
}
