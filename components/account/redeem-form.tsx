"use client";

import { useActionState } from "react";
import { redeemAction, type FormState } from "@/app/account/actions";
import { Field } from "@/components/auth/field";

export function RedeemForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(redeemAction, {});
  return (
    <form action={action} className="flex flex-col gap-3" aria-label="Redeem a code">
      <Field
        label="Code"
        name="code"
        autoComplete="off"
        required
        maxLength={64}
        error={state.fields?.code}
        hint="Like PM-7K3Q-X9D2-M4TB-Q8ZA; case and dashes don't matter."
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
        className="self-start rounded-lg bg-indigo-600 px-4 py-2 font-semibold text-white hover:bg-indigo-700 disabled:opacity-60"
      >
        {pending ? "Redeeming…" : "Redeem"}
      </button>
    </form>
  );
}
