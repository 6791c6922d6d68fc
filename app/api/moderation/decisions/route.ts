import { creatorRoute, readJson, requireAccount } from "@/lib/creators/http";
import { getDb } from "@/lib/db/client";
import { audit } from "@/lib/log";
import { decide, decisionSchema } from "@/lib/moderation/decide";
import { requireModerator } from "@/lib/moderation/roles";

/** POST /api/moderation/decisions — approve (with the tier) or reject (with a reason) a submission. */
export const POST = creatorRoute(async (request) => {
  const viewer = await requireAccount("moderate");
  const db = getDb();
  await requireModerator({ db, userId: viewer.id });
  const decision = await readJson(request, decisionSchema);
  const result = await decide({ db, moderatorId: viewer.id, decision });
  audit("moderation.decided", {
    userId: viewer.id,
    submissionId: decision.submissionId,
    status: result.status,
  });
  return result;
});
