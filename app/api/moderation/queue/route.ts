import { privateJson, requireAccount } from "@/lib/creators/http";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { moderationQueue } from "@/lib/moderation/queue";
import { requireModerator } from "@/lib/moderation/roles";

/** GET /api/moderation/queue — pending submissions with their reports, and open persona reports. */
export const GET = route({}, async () => {
  const viewer = await requireAccount("moderate");
  const db = getDb();
  await requireModerator({ db, userId: viewer.id });
  return privateJson(await moderationQueue({ db }));
});
