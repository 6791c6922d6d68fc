import Link from "next/link";
import type { Persona } from "@/lib/personas/schema";
import { TIER_LABELS } from "@/lib/tiers";
import type { ChatActor } from "@/lib/auth/actor";

/** Why this actor can't chat here yet, and the way on. */
export function LockedChat({ persona, actor }: { persona: Persona; actor: ChatActor }) {
  const back = `/chat?persona=${persona.id}`;
  return (
    <div
      className="rounded-2xl border border-dashed border-zinc-300 p-6 dark:border-zinc-700"
      data-testid="chat-locked"
    >
      <p className="text-lg font-semibold">
        🔒 {persona.name} is part of {TIER_LABELS[persona.tier]}
      </p>
      <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
        {actor.kind === "user"
          ? `Your plan doesn't include ${TIER_LABELS[persona.tier]} personas yet.`
          : `Sign in with a ${TIER_LABELS[persona.tier]} plan to chat with ${persona.name}.`}
      </p>
      <div className="mt-4 flex flex-wrap gap-3 text-sm">
        {actor.kind === "user" ? (
          <>
            <Link
              href="/pricing"
              className="rounded-lg bg-indigo-600 px-4 py-2 font-semibold text-white hover:bg-indigo-700"
            >
              See plans
            </Link>
            <Link
              href="/account#redeem"
              className="rounded-lg border border-zinc-300 px-4 py-2 dark:border-zinc-700"
            >
              Redeem a code
            </Link>
          </>
        ) : (
          <>
            <Link
              href={`/sign-in?callbackUrl=${encodeURIComponent(back)}`}
              className="rounded-lg bg-indigo-600 px-4 py-2 font-semibold text-white hover:bg-indigo-700"
            >
              Sign in
            </Link>
            <Link
              href={`/sign-up?callbackUrl=${encodeURIComponent(back)}`}
              className="rounded-lg border border-zinc-300 px-4 py-2 dark:border-zinc-700"
            >
              Create an account
            </Link>
          </>
        )}
      </div>
    </div>
  );
}

export function NoModelNotice({ help }: { help: string }) {
  return (
    <div
      role="status"
      className="rounded-2xl border border-amber-300 bg-amber-50 p-5 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
      data-testid="no-model"
    >
      <p className="font-semibold">No model is configured</p>
      <p className="mt-1 text-sm">{help}</p>
    </div>
  );
}
