import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { DraftEditor } from "@/components/creators/draft-editor";
import { CheckRunReport } from "@/components/personas/checks-report";
import { getViewer } from "@/lib/auth/viewer";
import { creatorHandle, loadDraft } from "@/lib/creators/studio";
import { readReport } from "@/lib/creators/submit";
import { getDb } from "@/lib/db/client";
import { latestSubmissionForDraft } from "@/lib/db/queries/creator-submissions";
import { getCatalog } from "@/lib/personas";
import { submissionChecks } from "@/lib/personas/checks-view";

export const metadata: Metadata = { title: "Edit persona", robots: { index: false } };

export default async function DraftPage({ params }: { params: Promise<{ draftId: string }> }) {
  const { draftId } = await params;
  const viewer = await getViewer();
  if (!viewer || viewer.isGuest)
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/studio/drafts/${draftId}`)}`);
  if (!z.string().uuid().safeParse(draftId).success) notFound();
  const db = getDb();
  const handle = await creatorHandle({ db, userId: viewer.id });
  if (!handle) redirect("/studio");
  // Another user's draft is not found, like one that does not exist.
  const loaded = await loadDraft({ db, userId: viewer.id, draftId });
  if (!loaded) notFound();
  const latest = await latestSubmissionForDraft({ db, draftId, userId: viewer.id });
  const checks = latest ? await submissionChecks({ db, submission: latest }) : { state: "none" as const };
  const catalog = getCatalog();
  const tier =
    (loaded.draft.personaId && catalog.byId.get(loaded.draft.personaId)?.tier) ||
    (loaded.draft.remixOf && catalog.byId.get(loaded.draft.remixOf)?.tier) ||
    "free";
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{loaded.fields.name || "Untitled persona"}</h1>
      {loaded.draft.remixOf && (
        <p className="text-sm">
          Remixed from {loaded.draft.remixOf} v{loaded.draft.remixOfVersion}
        </p>
      )}
      <DraftEditor
        draftId={draftId}
        initial={loaded.fields}
        handle={handle}
        personaId={loaded.draft.personaId}
        tier={tier}
        report={latest ? readReport(latest.report) : null}
        submissionStatus={latest?.status ?? null}
        decisionReason={latest?.decisionReason ?? null}
        checksReport={
          checks.state === "ran" ? (
            <CheckRunReport run={checks.run} />
          ) : checks.state === "waiting" && latest?.status === "pending" ? (
            <p className="text-sm" data-testid="checks-running">
              The {checks.count} checks of this submission have not reported yet: reload in a minute.
            </p>
          ) : null
        }
      />
    </div>
  );
}
