import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { VersionCompare } from "@/components/versions/version-compare";
import { getViewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { getCatalog } from "@/lib/personas";
import { catalogVersionsRecorded } from "@/lib/personas/versions-catalog";
import { versionHistory } from "@/lib/personas/versions-history";

type Props = {
  params: Promise<{ id: string }>;
  searchParams?: Promise<Record<string, string | string[] | undefined>>;
};

const key = z
  .string()
  .regex(/^[0-9a-f]{12}$/)
  .optional()
  .catch(undefined);
const querySchema = z.object({ from: key, to: key });

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const persona = getCatalog().byId.get((await params).id);
  if (!persona) return { title: "Persona not found" };
  return { title: `${persona.name} — versions`, robots: { index: false } };
}

/** A persona's version history with dates and changelogs, and a word diff between any two versions. */
export default async function VersionsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = querySchema.parse((await searchParams) ?? {});
  await catalogVersionsRecorded();
  const viewer = await getViewer();
  const history = await versionHistory({
    db: getDb(),
    catalog: getCatalog(),
    personaId: id,
    viewerTier: viewer?.tier ?? null,
    ...query,
  });
  if (!history) notFound();
  const { persona, entries, comparison } = history;
  return (
    <article className="flex flex-col gap-6">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-700 dark:text-zinc-300">
        <Link href={`/personas/${persona.id}`} className="underline">
          {persona.name}
        </Link>{" "}
        / Versions
      </nav>
      <h1 className="text-2xl font-bold">{persona.name}: versions</h1>
      <ol className="flex flex-col gap-2" data-testid="version-list">
        {entries.map((e) => (
          <li key={e.key} className="rounded-lg p-2 ring-1 ring-zinc-200 dark:ring-zinc-800">
            <p className="font-medium">
              {e.version}
              {e.latest && (
                <span className="ml-2 rounded bg-indigo-100 px-1 text-xs text-indigo-900">latest</span>
              )}{" "}
              <time dateTime={e.firstSeen} className="text-sm font-normal text-zinc-700 dark:text-zinc-300">
                {e.firstSeen.slice(0, 10)}
              </time>
            </p>
            {e.changelog && <p className="text-sm">{e.changelog}</p>}
            {e.unpublished !== null && (
              <p className="text-sm text-red-800 dark:text-red-200">
                Unpublished by a moderator{e.unpublished ? `: ${e.unpublished}` : ""}.
              </p>
            )}
          </li>
        ))}
      </ol>
      {entries.length > 1 ? (
        <VersionCompare personaId={persona.id} entries={entries} comparison={comparison} />
      ) : (
        <p className="text-sm">There is only one version so far.</p>
      )}
    </article>
  );
}
