import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DraftEditor } from "@/components/creators/draft-editor";
import { getViewer } from "@/lib/auth/viewer";
import { EMPTY_DRAFT } from "@/lib/creators/draft";
import { creatorHandle } from "@/lib/creators/studio";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "New persona", robots: { index: false } };

/** The editor on an empty draft: the first change saves it (and the address becomes the draft's). */
export default async function NewPersonaPage() {
  const viewer = await getViewer();
  if (!viewer || viewer.isGuest) redirect("/sign-in?callbackUrl=/studio/new");
  const handle = await creatorHandle({ db: getDb(), userId: viewer.id });
  if (!handle) redirect("/studio");
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">New persona</h1>
      <DraftEditor
        draftId={null}
        initial={EMPTY_DRAFT}
        handle={handle}
        personaId={null}
        tier="free"
        report={null}
        submissionStatus={null}
        decisionReason={null}
      />
    </div>
  );
}
