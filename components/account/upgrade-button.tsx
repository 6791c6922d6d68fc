"use client";

import { useActionState } from "react";
import { checkoutAction, type CheckoutState } from "@/app/pricing/actions";

export function UpgradeButton({ tier, label }: { tier: "pro" | "max"; label: string }) {
  const [state, action, pending] = useActionState<CheckoutState, FormData>(checkoutAction, {});
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="tier" value={tier} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-indigo-600 px-4 py-2 font-semibold text-white hover:bg-indigo-700 disabled:opacity-60"
      >
        {pending ? "Opening checkout…" : label}
      </button>
      {state.message && (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-400">
          {state.message}
        </p>
      )}
    </form>
  );
}
