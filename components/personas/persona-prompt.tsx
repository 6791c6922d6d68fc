import Link from "next/link";
import { Markdown } from "@/components/personas/markdown";
import type { PersonaDetail } from "@/lib/personas/detail";
import { tokensLabel } from "@/lib/personas/prompt-size";
import { TIER_LABELS } from "@/lib/tiers";

/**
 * The persona's prompt for a viewer whose tier unlocks it; else only its size and the way to
 * unlock it (a locked detail carries nothing else of the body).
 */
export function PersonaPrompt({
  detail,
  signedIn,
  unlockHref,
}: {
  detail: PersonaDetail;
  signedIn: boolean;
  unlockHref: string;
}) {
  return (
    <section aria-labelledby="prompt-heading" data-testid="persona-body">
      <h2 id="prompt-heading" className="mb-3 text-lg font-semibold">
        The persona&apos;s instructions
      </h2>
      <div className="rounded-2xl border border-zinc-200 bg-white p-6 dark:border-zinc-800 dark:bg-zinc-900">
        {detail.locked ? (
          <div data-testid="locked-body">
            <p className="font-semibold">🔒 Part of {TIER_LABELS[detail.tier]}</p>
            <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
              A prompt of {tokensLabel(detail.promptTokens)} (estimated), shown in full with{" "}
              {TIER_LABELS[detail.tier]}.
            </p>
            <p className="mt-3 text-sm text-zinc-700 dark:text-zinc-300">
              Unlock {detail.name} and every {TIER_LABELS[detail.tier]} persona with a{" "}
              {TIER_LABELS[detail.tier]} plan.{" "}
              {signedIn ? (
                <>
                  <Link href="/pricing" className="text-indigo-700 underline dark:text-indigo-300">
                    See plans
                  </Link>{" "}
                  or{" "}
                  <Link href="/account#redeem" className="text-indigo-700 underline dark:text-indigo-300">
                    redeem a code
                  </Link>
                  .
                </>
              ) : (
                <>
                  <Link href={unlockHref} className="text-indigo-700 underline dark:text-indigo-300">
                    Sign up
                  </Link>{" "}
                  or{" "}
                  <Link
                    href={`/sign-in?callbackUrl=${encodeURIComponent(`/personas/${detail.id}`)}`}
                    className="text-indigo-700 underline dark:text-indigo-300"
                  >
                    sign in
                  </Link>{" "}
                  to unlock it.
                </>
              )}
            </p>
          </div>
        ) : (
          <Markdown>{detail.body}</Markdown>
        )}
      </div>
    </section>
  );
}
