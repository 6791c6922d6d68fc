import type { Persona } from "./schema";

export const COMMUNITY_SORTS = ["trending", "most-used", "top-rated"] as const;
export type CommunitySort = (typeof COMMUNITY_SORTS)[number];

export type PersonaStats = {
  usersLast7Days: number;
  usersPrevious7Days: number;
  usersLast30Days: number;
  favorites: number;
  ratingSum: number;
  ratingCount: number;
};
export type StatsMap = ReadonlyMap<string, PersonaStats>;

export function isCommunitySort(sort: string): sort is CommunitySort {
  return (COMMUNITY_SORTS as readonly string[]).includes(sort);
}

/** The rating a persona with no reviews is assumed to have, and how many reviews that guess weighs. */
export const RATING_PRIOR = { mean: 3, weight: 5 };

/** A Bayesian average: a few reviews move the score little, many move it to their mean. */
export function bayesianRating(sum: number, count: number): number {
  return (RATING_PRIOR.mean * RATING_PRIOR.weight + sum) / (RATING_PRIOR.weight + count);
}

/**
 * This week's users weighted by their growth over last week; the +5 keeps a persona going from
 * 1 to 2 users from outranking one going from 500 to 450, while a new persona with real use rises fast.
 */
export function trendingScore(s: Pick<PersonaStats, "usersLast7Days" | "usersPrevious7Days">): number {
  return (s.usersLast7Days * (s.usersLast7Days + 5)) / (s.usersPrevious7Days + 5);
}

function score(sort: CommunitySort, s: PersonaStats | undefined): number {
  if (!s) return sort === "top-rated" ? bayesianRating(0, 0) : 0;
  if (sort === "trending") return trendingScore(s);
  if (sort === "most-used") return s.usersLast30Days;
  return bayesianRating(s.ratingSum, s.ratingCount);
}

const orderCache = new WeakMap<StatsMap, Map<CommunitySort, Map<Persona, number>>>();

/**
 * Orders personas by a community sort, best first; ties keep the order given (the featured order
 * or search relevance). Scores are computed once per stats map and sort, not per request.
 */
export function rankByStats(personas: readonly Persona[], sort: CommunitySort, stats: StatsMap): Persona[] {
  let bySort = orderCache.get(stats);
  if (!bySort) orderCache.set(stats, (bySort = new Map()));
  let scores = bySort.get(sort);
  if (!scores) bySort.set(sort, (scores = new Map()));
  const scoreOf = (p: Persona) => {
    let v = scores.get(p);
    if (v === undefined) scores.set(p, (v = score(sort, stats.get(p.id))));
    return v;
  };
  return personas
    .map((p, i) => ({ p, i, v: scoreOf(p) }))
    .sort((a, b) => b.v - a.v || a.i - b.i)
    .map((x) => x.p);
}
