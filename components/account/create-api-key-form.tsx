"use client";

import { useActionState, useState } from "react";
import { createApiKeyAction, type ApiKeyFormState } from "@/app/account/api-key-actions";
import { Field } from "@/components/auth/field";

export function CreateApiKeyForm() {
  const [state, action, pending] = useActionState<ApiKeyFormState, FormData>(createApiKeyAction, {});
  return (
    <div className="flex flex-col gap-3">
      <form action={action} className="flex flex-col gap-3" aria-label="Create an API key">
        <Field
          label="Key name"
          name="name"
          autoComplete="off"
          required
          maxLength={60}
          error={state.fields?.name}
          hint="Where you will use it, like “laptop” or “CI”."
        />
        {state.message && !state.key && (
          <p
            role="status"
            className={
              state.ok
                ? "text-sm text-emerald-800 dark:text-emerald-300"
                : "text-sm text-rose-700 dark:text-rose-400"
            }
          >
            {state.message}
          </p>
        )}
        <button
          type="submit"
          disabled={pending}
          className="self-start rounded-lg bg-indigo-600 px-4 py-2 font-semibold text-white hover:bg-indigo-700 disabled:opacity-60"
        >
          {pending ? "Creating…" : "Create key"}
        </button>
      </form>
      {state.key && <NewKey key={state.key} apiKey={state.key} name={state.name ?? ""} />}
    </div>
  );
}

function NewKey({ apiKey, name }: { apiKey: string; name: string }) {
  const [copied, setCopied] = useState<"no" | "yes" | "failed">("no");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(apiKey);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <div
      role="status"
      className="flex flex-col gap-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <p>
        Your new key <strong>{name}</strong>. Copy it now: it is shown only this once.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor="new-api-key" className="sr-only">
          New API key
        </label>
        <input
          id="new-api-key"
          data-testid="new-api-key"
          readOnly
          value={apiKey}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded border border-amber-300 bg-white px-2 py-1 font-mono text-xs text-zinc-900 dark:border-amber-800 dark:bg-zinc-900 dark:text-zinc-100"
        />
        <button
          type="button"
          onClick={copy}
          className="rounded-lg border border-amber-400 px-3 py-1 font-medium hover:bg-amber-100 dark:border-amber-700 dark:hover:bg-amber-900"
        >
          {copied === "yes" ? "Copied" : "Copy"}
        </button>
      </div>
      {copied === "failed" && <p>Couldn’t copy here: select the key and copy it yourself.</p>}
    </div>
  );
}
