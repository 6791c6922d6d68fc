import "server-only";
import { catalogStats, statsOf } from "@/lib/community/stats";
import type { Executor } from "@/lib/db/client";
import { distinctChatters } from "@/lib/db/queries/creator-personas";
import { getCreatorByHandle } from "@/lib/db/queries/creators";
import { getCatalog } from "@/lib/personas";
import { toSummary } from "@/lib/personas/summary";
import { handleOf } from "./ids";

/** A creator's public page: their published personas, distinct users, stars and average rating. */
export async function creatorProfile({ db, handle }: { db: Executor; handle: string }) {
  const creator = await getCreatorByHandle({ db, handle });
  if (!creator) return undefined;
  const personas = getCatalog().all.filter((p) => handleOf(p.id) === handle);
  const stats = await catalogStats({ db });
  let stars = 0;
  let ratingSum = 0;
  let ratingCount = 0;
  for (const p of personas) {
    const s = statsOf(stats, p.id);
    stars += s.favorites;
    ratingSum += s.ratingSum;
    ratingCount += s.ratingCount;
  }
  return {
    handle,
    since: creator.createdAt,
    personas: personas.map(toSummary),
    users: await distinctChatters({ db, personaIds: personas.map((p) => p.id) }),
    stars,
    rating: ratingCount ? Math.round((ratingSum / ratingCount) * 10) / 10 : null,
    ratingCount,
  };
}
