import { creatorRoute, draftIdOf, requireAccount, type DraftContext } from "@/lib/creators/http";
import { submitDraft } from "@/lib/creators/submit";
import { getDb } from "@/lib/db/client";
import { audit } from "@/lib/log";

/** POST /api/studio/drafts/:id/submit — runs the automated review; its report answers at once. */
export const POST = creatorRoute(async (_request, context: DraftContext) => {
  const viewer = await requireAccount("submit personas");
  const result = await submitDraft({ db: getDb(), userId: viewer.id, draftId: await draftIdOf(context) });
  audit("creators.submitted", {
    userId: viewer.id,
    personaId: result.personaId,
    submissionId: result.submissionId,
    verdict: result.report.verdict,
  });
  return result;
});
