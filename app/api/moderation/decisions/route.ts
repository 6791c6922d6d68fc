import { JSON_BODY_MAX, privateJson, requireAccount } from "@/lib/creators/http";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { audit } from "@/lib/log";
import { decide, decisionSchema } from "@/lib/moderation/decide";
import { requireModerator } from "@/lib/moderation/roles";

/** POST /api/moderation/decisions — approve (with the tier) or reject (with a reason) a submission. */
export const POST = route({ body: decisionSchema, maxBytes: JSON_BODY_MAX }, async ({ body: decision }) => {
  const viewer = await requireAccount("moderate");
  const db = getDb();
  await requireModerator({ db, userId: viewer.id });
  const result = await decide({ db, moderatorId: viewer.id, decision });
  audit("moderation.decided", {
    userId: viewer.id,
    submissionId: decision.submissionId,
    status: result.status,
  });
  return privateJson(result);
});
