import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ApiKeysSection } from "@/components/account/api-keys-section";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { RedeemForm } from "@/components/account/redeem-form";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { TierBadge } from "@/components/ui/tier-badge";
import { listApiKeySummaries } from "@/lib/api/keys";
import { apiSnippets } from "@/lib/api/snippets";
import { env } from "@/lib/env";
import { getViewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { listTierChanges } from "@/lib/db/queries/tiers";
import { getUserById, listLinkedProviders } from "@/lib/db/queries/users";
import { getCatalog } from "@/lib/personas";
import { usageDay } from "@/lib/chat/quota";
import { getDailyUsage } from "@/lib/db/queries/usage";
import { API_ACCESS_TIER, DAILY_MESSAGE_QUOTA, hasApiAccess, TIER_LABELS, unlocks } from "@/lib/tiers";
import { signOutEverywhereAction } from "./actions";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

const SOURCE_LABELS: Record<string, string> = {
  default: "the free plan every account starts with",
  code: "a redeemed code",
  stripe: "a Stripe subscription",
  operator: "granted by Persona Market",
};

const date = (d: Date) =>
  d.toLocaleDateString("en", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });

export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in?callbackUrl=/account");
  const welcome = (await searchParams).welcome === "1";
  const db = getDb();
  const user = await getUserById({ db, id: viewer.id });
  const history = await listTierChanges({ db, userId: viewer.id });
  const providers = await listLinkedProviders({ db, userId: viewer.id });
  const usedToday = await getDailyUsage({ db, userId: viewer.id, day: usageDay(new Date()) });
  const limit = DAILY_MESSAGE_QUOTA[viewer.tier];
  const apiKeys = await listApiKeySummaries({ db, userId: viewer.id });
  const apiAccess = hasApiAccess(viewer.tier);
  const apiBaseUrl = `${env().siteUrl}/v1`;
  const exampleModel = getCatalog().all.find((p) => unlocks(viewer.tier, p.tier))?.id ?? "persona-id";
  const unlocked = getCatalog().all.filter((p) => unlocks(viewer.tier, p.tier)).length;
  const section = "rounded-2xl border border-zinc-200 bg-white p-6 dark:border-zinc-800 dark:bg-zinc-900";

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <h1 className="text-2xl font-bold">Your account</h1>
      {welcome && (
        <p
          role="status"
          className="rounded-lg border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
        >
          Welcome to Persona Market! Your account is ready.
        </p>
      )}
      <section aria-labelledby="plan" className={section}>
        <h2 id="plan" className="text-lg font-semibold">
          Plan
        </h2>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
          <dt className="text-zinc-600 dark:text-zinc-400">Email</dt>
          <dd data-testid="account-email">{viewer.email}</dd>
          <dt className="text-zinc-600 dark:text-zinc-400">Tier</dt>
          <dd className="flex items-center gap-2" data-testid="account-tier">
            <TierBadge tier={viewer.tier} /> {TIER_LABELS[viewer.tier]}
          </dd>
          <dt className="text-zinc-600 dark:text-zinc-400">Since</dt>
          <dd>{date(viewer.tierSince)}</dd>
          <dt className="text-zinc-600 dark:text-zinc-400">How</dt>
          <dd>{SOURCE_LABELS[viewer.tierSource] ?? viewer.tierSource}</dd>
          <dt className="text-zinc-600 dark:text-zinc-400">Today</dt>
          <dd data-testid="account-usage">
            {usedToday} of {Number.isFinite(limit) ? limit : "unlimited"} messages
            {Number.isFinite(limit) && (
              <span className="text-zinc-600 dark:text-zinc-400"> · resets at midnight UTC</span>
            )}
          </dd>
          <dt className="text-zinc-600 dark:text-zinc-400">Unlocks</dt>
          <dd>
            {unlocked} of {getCatalog().all.length} personas ·{" "}
            <Link href="/pricing" className="text-indigo-700 underline dark:text-indigo-300">
              Compare plans
            </Link>
          </dd>
        </dl>
        {history.length > 0 && (
          <details className="mt-4 text-sm">
            <summary className="cursor-pointer">Tier history</summary>
            <ul className="mt-2 flex flex-col gap-1">
              {history.map((h) => (
                <li key={h.id}>
                  {date(h.createdAt)}: {TIER_LABELS[h.fromTier]} → {TIER_LABELS[h.toTier]} (
                  {SOURCE_LABELS[h.source] ?? h.source})
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>

      <section aria-labelledby="redeem" className={section}>
        <h2 id="redeem" className="mb-3 text-lg font-semibold">
          Redeem a code
        </h2>
        <RedeemForm />
      </section>

      <section aria-labelledby="api-keys" className={section}>
        <h2 id="api-keys" className="mb-3 text-lg font-semibold">
          API keys
        </h2>
        <ApiKeysSection
          keys={apiKeys}
          canCreate={apiAccess}
          baseUrl={apiBaseUrl}
          snippets={apiSnippets(apiBaseUrl, exampleModel)}
          accessNote={
            apiAccess
              ? "Your plan includes the API."
              : `The API is part of ${TIER_LABELS[API_ACCESS_TIER]} and above.${apiKeys.some((k) => !k.revokedAt) ? " Your keys work again once you upgrade." : ""}`
          }
        />
      </section>

      <section aria-labelledby="security" className={section}>
        <h2 id="security" className="mb-3 text-lg font-semibold">
          Password and sessions
        </h2>
        {user?.passwordHash ? (
          <ChangePasswordForm />
        ) : (
          <p className="text-sm">
            You sign in with {providers.join(" and ") || "an external provider"}; there is no password to
            change.
          </p>
        )}
        <div className="mt-6 flex flex-wrap gap-3 border-t border-zinc-200 pt-4 dark:border-zinc-800">
          <SignOutButton className="rounded-lg border border-zinc-300 px-4 py-2 font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800" />
          <form action={signOutEverywhereAction}>
            <button
              type="submit"
              className="rounded-lg border border-rose-300 px-4 py-2 font-medium text-rose-800 hover:bg-rose-50 dark:border-rose-800 dark:text-rose-300 dark:hover:bg-rose-950"
            >
              Sign out everywhere
            </button>
          </form>
        </div>
      </section>
    </div>
  );
}
