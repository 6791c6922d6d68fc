import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { HandleForm } from "@/components/creators/handle-form";
import { ImportButton, OpenDraftButton } from "@/components/creators/studio-actions";
import { TierBadge } from "@/components/ui/tier-badge";
import { getViewer } from "@/lib/auth/viewer";
import { creatorHandle } from "@/lib/creators/studio";
import { studioView } from "@/lib/creators/studio-view";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Studio", robots: { index: false } };

const when = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ");

export default async function StudioPage() {
  const viewer = await getViewer();
  if (!viewer || viewer.isGuest) redirect("/sign-in?callbackUrl=/studio");
  const db = getDb();
  const handle = await creatorHandle({ db, userId: viewer.id });
  if (!handle)
    return (
      <div className="mx-auto flex max-w-xl flex-col gap-4">
        <h1 className="text-2xl font-bold">Studio</h1>
        <p>
          Make personas others can find and chat with. First, choose the handle your personas are published
          under.
        </p>
        <HandleForm />
      </div>
    );
  const view = await studioView({ db, userId: viewer.id });
  const section = "rounded-2xl border border-zinc-200 p-4 dark:border-zinc-800";
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">Studio</h1>
        <p className="text-sm">
          Publishing as{" "}
          <Link className="underline" href={`/creators/${handle}`}>
            @{handle}
          </Link>
        </p>
        <div className="flex gap-3">
          <Link
            href="/studio/new"
            className="rounded-xl bg-indigo-600 px-4 py-2 text-sm font-semibold text-white"
          >
            New persona
          </Link>
          <ImportButton />
        </div>
      </div>
      <section className={section} aria-labelledby="studio-personas">
        <h2 id="studio-personas" className="mb-2 text-lg font-semibold">
          Your personas
        </h2>
        {view.personas.length === 0 ? (
          <p className="text-sm">None published yet.</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {view.personas.map((p) => (
              <li
                key={p.id}
                className="flex flex-wrap items-center gap-3 text-sm"
                data-testid="studio-persona"
              >
                <Link className="font-medium underline" href={`/personas/${p.id}`}>
                  {p.id}
                </Link>
                <span>v{p.version}</span>
                <TierBadge tier={p.tier} />
                <span>{p.status}</span>
                <span>{p.remixes} remixes</span>
                <OpenDraftButton url={`/api/studio/personas/${p.id}/edit`} label="Edit next version" />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={section} aria-labelledby="studio-drafts">
        <h2 id="studio-drafts" className="mb-2 text-lg font-semibold">
          Drafts
        </h2>
        {view.drafts.length === 0 ? (
          <p className="text-sm">No drafts.</p>
        ) : (
          <ul className="flex flex-col gap-1 text-sm">
            {view.drafts.map((d) => (
              <li key={d.id}>
                <Link className="underline" href={`/studio/drafts/${d.id}`}>
                  {d.name}
                </Link>{" "}
                {d.personaId && <span>(next version of {d.personaId})</span>} — saved {when(d.updatedAt)} UTC
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={section} aria-labelledby="studio-submissions">
        <h2 id="studio-submissions" className="mb-2 text-lg font-semibold">
          Submissions
        </h2>
        {view.submissions.length === 0 ? (
          <p className="text-sm">Nothing submitted yet.</p>
        ) : (
          <ul className="flex flex-col gap-1 text-sm">
            {view.submissions.map((s) => (
              <li key={s.id} data-testid="studio-submission">
                {s.personaId} v{s.version}: <strong>{s.status}</strong> ({s.verdict.replace("_", " ")})
                {s.reason && ` — ${s.reason}`} · {when(s.createdAt)} UTC
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
