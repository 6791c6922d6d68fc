import { after } from "next/server";
import { idParam, privateJson, requireAccount } from "@/lib/creators/http";
import { submitDraft } from "@/lib/creators/submit";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { audit, log } from "@/lib/log";
import { runSubmissionChecks } from "@/lib/personas/checks-submit";

/**
 * POST /api/studio/drafts/:id/submit — runs the automated review; its report answers at once. The
 * persona's checks run against the model after the answer is sent (the studio shows their report).
 */
export const POST = route({}, async ({ params }) => {
  const viewer = await requireAccount("submit personas");
  const draftId = idParam(params.draftId, "draft");
  const db = getDb();
  const result = await submitDraft({ db, userId: viewer.id, draftId });
  audit("creators.submitted", {
    userId: viewer.id,
    personaId: result.personaId,
    submissionId: result.submissionId,
    verdict: result.report.verdict,
  });
  if (result.status === "pending" && result.checks > 0)
    after(async () => {
      try {
        await runSubmissionChecks({ db, submissionId: result.submissionId });
      } catch (error) {
        log.error({ err: error, submissionId: result.submissionId }, "checks.submission_failed");
      }
    });
  return privateJson(result);
});
