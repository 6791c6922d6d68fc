import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, redirect } from "next/navigation";
import { DiffView } from "@/components/creators/diff-view";
import { DecisionForm, UnpublishForm } from "@/components/creators/moderation-forms";
import { ReviewReportView } from "@/components/creators/review-report";
import { getViewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { getCatalog } from "@/lib/personas";
import { moderationQueue } from "@/lib/moderation/queue";
import { isModerator } from "@/lib/moderation/roles";

export const metadata: Metadata = { title: "Moderation", robots: { index: false } };

export default async function ModerationPage() {
  const viewer = await getViewer();
  if (!viewer || viewer.isGuest) redirect("/sign-in?callbackUrl=/moderation");
  const db = getDb();
  if (!(await isModerator({ db, userId: viewer.id }))) forbidden();
  const queue = await moderationQueue({ db });
  const catalog = getCatalog();
  const section = "flex flex-col gap-4 rounded-2xl border border-zinc-200 p-4 dark:border-zinc-800";
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Moderation</h1>
      <section className={section} aria-labelledby="queue-heading">
        <h2 id="queue-heading" className="text-lg font-semibold">
          Submissions waiting ({queue.submissions.length})
        </h2>
        {queue.submissions.length === 0 && <p className="text-sm">Nothing waiting.</p>}
        {queue.submissions.map((s) => (
          <article
            key={s.id}
            className="flex flex-col gap-3 border-t pt-3"
            data-testid="queue-item"
            data-persona={s.personaId}
          >
            <h3 className="font-semibold">
              {s.personaId} v{s.version}
              {s.previousVersion ? ` (published: v${s.previousVersion})` : " (first version)"}
            </h3>
            <p className="text-sm">
              By {s.creatorEmail ?? "a deleted account"} · asks for {s.requestedTier} · changelog:{" "}
              {s.changelog}
              {s.remixOf && ` · remix of ${s.remixOf}`}
            </p>
            <ReviewReportView report={s.report} />
            <DiffView rows={s.diff} />
            <DecisionForm
              submissionId={s.id}
              floor={(s.remixOf && catalog.byId.get(s.remixOf)?.tier) || "free"}
            />
          </article>
        ))}
      </section>
      <section className={section} aria-labelledby="reports-heading">
        <h2 id="reports-heading" className="text-lg font-semibold">
          Reported personas ({queue.reports.length})
        </h2>
        {queue.reports.length === 0 && <p className="text-sm">No open reports.</p>}
        {queue.reports.map((r) => (
          <article key={`${r.personaId}-${r.reporter}`} className="flex flex-col gap-2 border-t pt-3">
            <p className="text-sm">
              <Link className="underline" href={`/personas/${r.personaId}`}>
                {r.personaId}
              </Link>{" "}
              reported by {r.reporter}: {r.reason}
            </p>
            {catalog.byId.has(r.personaId) && <UnpublishForm personaId={r.personaId} />}
          </article>
        ))}
      </section>
      <section className={section} aria-labelledby="audit-heading">
        <h2 id="audit-heading" className="text-lg font-semibold">
          Audit log
        </h2>
        <ul className="flex flex-col gap-1 text-sm" data-testid="audit-log">
          {queue.events.map((e) => (
            <li key={e.id}>
              {e.createdAt.slice(0, 19).replace("T", " ")} · {e.actor ?? "?"} · {e.action}
              {e.personaId && ` · ${e.personaId}`}
              {e.reason && ` · “${e.reason}”`}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
