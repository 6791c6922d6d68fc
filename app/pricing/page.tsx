import type { Metadata } from "next";
import Link from "next/link";
import { UpgradeButton } from "@/components/account/upgrade-button";
import { TierBadge } from "@/components/ui/tier-badge";
import { getViewer } from "@/lib/auth/viewer";
import { env } from "@/lib/env";
import { getCatalog } from "@/lib/personas";
import {
  DAILY_MESSAGE_QUOTA,
  hasApiAccess,
  type Tier,
  TIER_LABELS,
  TIER_PLANS,
  tierAtLeast,
  TIERS,
  unlocks,
} from "@/lib/tiers";
import { galleryHref } from "@/lib/personas/url";

export const metadata: Metadata = {
  title: "Pricing",
  description: "Free, Pro and Max: what each plan unlocks on Persona Market, and how to get it.",
};

export default async function PricingPage() {
  const viewer = await getViewer();
  const catalog = getCatalog();
  const stripe = env().stripe;
  const unlockedBy = (tier: Tier) => catalog.all.filter((p) => unlocks(tier, p.tier)).length;
  const daily = (tier: Tier | "guest") =>
    Number.isFinite(DAILY_MESSAGE_QUOTA[tier])
      ? `${DAILY_MESSAGE_QUOTA[tier]} messages a day`
      : "Unlimited messages";

  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-3xl font-bold">Plans</h1>
        <p className="mt-2 text-zinc-700 dark:text-zinc-300">
          Each plan unlocks every persona at its level and below. Without an account you can chat as a guest (
          {daily("guest")}).
        </p>
      </div>
      <ul className="grid gap-4 md:grid-cols-3">
        {TIERS.map((tier) => {
          // A visitor has no plan yet: nothing is marked as theirs.
          const current = viewer?.tier === tier;
          const included = viewer ? tierAtLeast(viewer.tier, tier) : false;
          return (
            <li
              key={tier}
              className={`flex flex-col gap-4 rounded-2xl border p-6 ${current ? "border-indigo-500 ring-2 ring-indigo-500" : "border-zinc-200 dark:border-zinc-800"} bg-white dark:bg-zinc-900`}
              data-testid={`plan-${tier}`}
            >
              <div className="flex items-center justify-between">
                <h2 className="text-xl font-semibold">{TIER_LABELS[tier]}</h2>
                <TierBadge tier={tier} />
              </div>
              <p className="text-2xl font-bold">{TIER_PLANS[tier].price}</p>
              <p className="text-sm text-zinc-700 dark:text-zinc-300">{TIER_PLANS[tier].pitch}</p>
              <p className="text-sm font-medium" data-testid={`daily-${tier}`}>
                {daily(tier)}
              </p>
              <p className="text-sm">
                <strong data-testid={`unlocks-${tier}`}>{unlockedBy(tier)}</strong> of {catalog.all.length}{" "}
                personas ·{" "}
                <Link href={galleryHref({ tier })} className="text-indigo-700 underline dark:text-indigo-300">
                  see the {catalog.byTier.get(tier)?.length ?? 0} {TIER_LABELS[tier]} ones
                </Link>
              </p>
              <ul className="flex flex-col gap-1 text-sm" aria-label={`What ${TIER_LABELS[tier]} includes`}>
                <li data-testid={`api-${tier}`}>
                  {hasApiAccess(tier)
                    ? "API access (OpenAI-compatible), same daily allowance"
                    : "No API access"}
                </li>
              </ul>
              <div className="mt-auto">
                {included ? (
                  <p className="text-sm font-medium text-emerald-800 dark:text-emerald-300">
                    {current ? "Your plan" : "Included in your plan"}
                  </p>
                ) : !viewer && tier === "free" ? (
                  <Link
                    href={`/sign-up?callbackUrl=${encodeURIComponent("/pricing")}`}
                    className="block rounded-lg border border-zinc-300 px-4 py-2 text-center font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
                  >
                    Create a free account
                  </Link>
                ) : tier === "free" ? null : !viewer ? (
                  <Link
                    href={`/sign-up?callbackUrl=${encodeURIComponent("/pricing")}`}
                    className="block rounded-lg bg-indigo-600 px-4 py-2 text-center font-semibold text-white hover:bg-indigo-700"
                  >
                    Sign up to upgrade
                  </Link>
                ) : stripe?.prices[tier] ? (
                  <UpgradeButton tier={tier} label={`Upgrade to ${TIER_LABELS[tier]}`} />
                ) : (
                  <Link
                    href="/account#redeem"
                    className="block rounded-lg border border-zinc-300 px-4 py-2 text-center font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
                  >
                    Redeem a {TIER_LABELS[tier]} code
                  </Link>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Have a code from us or a friend?{" "}
        <Link
          href={viewer ? "/account#redeem" : "/sign-in?callbackUrl=/account"}
          className="text-indigo-700 underline dark:text-indigo-300"
        >
          Redeem it on your account page
        </Link>
        . Upgrades take effect at once, with no need to sign in again.
      </p>
    </div>
  );
}
