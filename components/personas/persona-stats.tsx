import { compactCount, peopleThisWeek } from "@/lib/community/format";
import type { PublicStats } from "@/lib/community/stats";

/** Usage, stars and rating in one line; nothing for a persona nobody has used, starred or rated yet. */
export function PersonaStatsLine({ stats }: { stats: PublicStats }) {
  const parts: string[] = [];
  if (stats.usersLast7Days > 0) parts.push(peopleThisWeek(stats.usersLast7Days));
  if (stats.rating !== null) parts.push(`★ ${stats.rating.toFixed(1)} (${compactCount(stats.ratingCount)})`);
  if (stats.favorites > 0)
    parts.push(`${compactCount(stats.favorites)} ${stats.favorites === 1 ? "star" : "stars"}`);
  if (parts.length === 0) return null;
  return (
    <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="persona-stats">
      {parts.join(" · ")}
    </p>
  );
}
