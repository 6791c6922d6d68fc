import "server-only";

/**
 * The catalog-wide stats map is computed at most once per STATS_TTL_MS per process (the gallery
 * asks for it on every render); a star or review written in this process drops it at once.
 */
export const STATS_TTL_MS = 30_000;

type Entry<T> = { value: T; at: number };
const globalForStats = globalThis as unknown as { personaStats?: Entry<unknown> };

export function cachedStatsValue<T>(compute: () => T, now = Date.now()): T {
  const entry = globalForStats.personaStats as Entry<T> | undefined;
  if (entry && now - entry.at < STATS_TTL_MS) return entry.value;
  const value = compute();
  globalForStats.personaStats = { value, at: now };
  return value;
}

export function forgetStats() {
  globalForStats.personaStats = undefined;
}
