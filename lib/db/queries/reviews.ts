import "server-only";
import { count, isNull, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { reviews } from "../schema";

/** Average and count of visible reviews per persona. */
export function ratingTotals({ db }: { db: Executor }): Map<string, { sum: number; count: number }> {
  const rows = db
    .select({ personaId: reviews.personaId, sum: sql<number>`sum(${reviews.rating})`, n: count() })
    .from(reviews)
    .where(isNull(reviews.hiddenAt))
    .groupBy(reviews.personaId)
    .all();
  return new Map(rows.map((r) => [r.personaId, { sum: Number(r.sum), count: r.n }]));
}
