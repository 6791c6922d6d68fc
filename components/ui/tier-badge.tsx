import { type Tier, TIER_LABELS } from "@/lib/tiers";

const STYLES: Record<Tier, string> = {
  free: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100",
  pro: "bg-indigo-100 text-indigo-900 dark:bg-indigo-900/60 dark:text-indigo-100",
  max: "bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100",
};

export function TierBadge({ tier, locked = false }: { tier: Tier; locked?: boolean }) {
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold ${STYLES[tier]}`}
      data-testid="tier-badge"
    >
      {locked && <span aria-hidden="true">🔒</span>}
      {TIER_LABELS[tier]}
      {locked && <span className="sr-only"> (locked)</span>}
    </span>
  );
}
