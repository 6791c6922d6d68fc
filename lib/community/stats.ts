import "server-only";
import type { Executor } from "@/lib/db/client";
import { favoriteCounts } from "@/lib/db/queries/favorites";
import { usageTotals } from "@/lib/db/queries/persona-usage";
import { ratingTotals } from "@/lib/db/queries/reviews";
import type { PersonaStats, StatsMap } from "@/lib/personas/ranking";
import { cachedStatsValue, forgetStats } from "./stats-cache";
import { dayOf } from "./usage";

export type { PersonaStats, StatsMap } from "@/lib/personas/ranking";

/** What `GET /api/personas` and `GET /api/personas/:id` carry. */
export type PublicStats = {
  usersLast7Days: number;
  usersLast30Days: number;
  favorites: number;
  rating: number | null;
  ratingCount: number;
};

export const EMPTY_STATS: PersonaStats = {
  usersLast7Days: 0,
  usersPrevious7Days: 0,
  usersLast30Days: 0,
  favorites: 0,
  ratingSum: 0,
  ratingCount: 0,
};

/**
 * Every persona's numbers, straight from the database: three range sums over the per-day counts
 * (the covering index on (day, persona_id, users) reads only the days asked for), one group-by
 * over favourites and one over visible reviews. "Last 7 days" is today and the six days before (UTC).
 */
export async function computeStats({
  db,
  now = new Date(),
}: {
  db: Executor;
  now?: Date;
}): Promise<StatsMap> {
  const today = dayOf(now);
  const last7 = await usageTotals({ db, fromDay: dayOf(now, -6), toDay: today });
  const previous7 = await usageTotals({ db, fromDay: dayOf(now, -13), toDay: dayOf(now, -7) });
  const last30 = await usageTotals({ db, fromDay: dayOf(now, -29), toDay: today });
  const stars = await favoriteCounts({ db });
  const ratings = await ratingTotals({ db });
  const ids = new Set([...last30.keys(), ...previous7.keys(), ...stars.keys(), ...ratings.keys()]);
  const map = new Map<string, PersonaStats>();
  for (const id of ids) {
    map.set(id, {
      usersLast7Days: last7.get(id) ?? 0,
      usersPrevious7Days: previous7.get(id) ?? 0,
      usersLast30Days: last30.get(id) ?? 0,
      favorites: stars.get(id) ?? 0,
      ratingSum: ratings.get(id)?.sum ?? 0,
      ratingCount: ratings.get(id)?.count ?? 0,
    });
  }
  return map;
}

/** The same, computed at most every STATS_TTL_MS per process (see stats-cache.ts). */
export async function catalogStats({ db }: { db: Executor }): Promise<StatsMap> {
  // The promise is what is kept, so renders at the same moment share one computation.
  return cachedStatsValue<Promise<StatsMap>>(() =>
    computeStats({ db }).catch((error: unknown) => {
      forgetStats();
      throw error;
    }),
  );
}

export function statsOf(map: StatsMap, personaId: string): PersonaStats {
  return map.get(personaId) ?? EMPTY_STATS;
}

export function publicStats(stats: PersonaStats): PublicStats {
  return {
    usersLast7Days: stats.usersLast7Days,
    usersLast30Days: stats.usersLast30Days,
    favorites: stats.favorites,
    rating: stats.ratingCount ? Math.round((stats.ratingSum / stats.ratingCount) * 100) / 100 : null,
    ratingCount: stats.ratingCount,
  };
}
