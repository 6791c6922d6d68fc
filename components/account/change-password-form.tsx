"use client";

import { useActionState } from "react";
import { changePasswordAction, type FormState } from "@/app/account/actions";
import { Field } from "@/components/auth/field";

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(changePasswordAction, {});
  return (
    <form action={action} className="flex flex-col gap-3" aria-label="Change password">
      <Field
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={state.fields?.currentPassword}
      />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        hint="At least 8 characters."
        error={state.fields?.newPassword}
      />
      {state.message && (
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
        className="self-start rounded-lg border border-zinc-300 px-4 py-2 font-medium hover:bg-zinc-100 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        {pending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
