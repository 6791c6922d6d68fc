import { idParam, privateJson, requireAccount } from "@/lib/creators/http";
import { submitDraft } from "@/lib/creators/submit";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { audit } from "@/lib/log";

/** POST /api/studio/drafts/:id/submit — runs the automated review; its report answers at once. */
export const POST = route({}, async ({ params }) => {
  const viewer = await requireAccount("submit personas");
  const draftId = idParam(params.draftId, "draft");
  const result = await submitDraft({ db: getDb(), userId: viewer.id, draftId });
  audit("creators.submitted", {
    userId: viewer.id,
    personaId: result.personaId,
    submissionId: result.submissionId,
    verdict: result.report.verdict,
  });
  return privateJson(result);
});
