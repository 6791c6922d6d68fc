import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CheckRunReport } from "@/components/personas/checks-report";
import { StatsChart } from "@/components/versions/stats-chart";
import { VersionTable } from "@/components/versions/stats-tables";
import { getViewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { getCatalog } from "@/lib/personas";
import { personaCheckRun } from "@/lib/personas/checks-view";
import { personaStats } from "@/lib/personas/versions-stats";
import { studioAccess } from "@/lib/personas/versions-studio-access";

export const metadata: Metadata = { title: "Persona figures", robots: { index: false } };

type Props = {
  params: Promise<{ persona: string }>;
  searchParams?: Promise<Record<string, string | string[] | undefined>>;
};

/** A persona's figures for its creator and the moderators: per version and per day, last 30 days. */
export default async function StudioPersonaPage({ params, searchParams }: Props) {
  const { persona: id } = await params;
  const compare = (await searchParams)?.compare === "previous";
  const persona = getCatalog().byId.get(id);
  const db = getDb();
  const access = persona && (await studioAccess({ db, viewer: await getViewer(), personaId: id }));
  // Someone else's persona reads as missing: the figures say nothing to anyone else.
  if (!persona || !access) notFound();
  const stats = await personaStats({ db, personaId: id, exclude: access.exclude });
  const checks = await personaCheckRun({ db, persona });
  const [latest, previous] = stats.versions;
  const days = stats.days.map((d) => d.day);
  return (
    <article className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{persona.name}: figures</h1>
      <p className="text-sm">
        {stats.from} to {stats.to} (UTC). Your own use and moderators&apos; are not counted. Stars now:{" "}
        {stats.total.stars}. Published remixes: {stats.remixes}.{" "}
        <a href={`/studio/${id}/stats.csv`} className="underline">
          Download the daily figures (CSV)
        </a>
      </p>
      <section aria-labelledby="per-day" className="grid gap-4 sm:grid-cols-2">
        <h2 id="per-day" className="sr-only">
          Per day
        </h2>
        <StatsChart label="Messages" values={stats.days.map((d) => d.messages)} days={days} />
        <StatsChart label="People" values={stats.days.map((d) => d.users)} days={days} />
        <StatsChart label="API calls" values={stats.days.map((d) => d.apiCalls)} days={days} />
        <StatsChart label="Conversations" values={stats.days.map((d) => d.conversations)} days={days} />
      </section>
      <section aria-labelledby="per-version" className="flex flex-col gap-2">
        <h2 id="per-version" className="text-xl font-semibold">
          {compare ? "This version against the one before" : "Per version"}
        </h2>
        {latest && previous && (
          <Link
            href={compare ? `/studio/${id}` : `/studio/${id}?compare=previous`}
            className="text-sm underline"
          >
            {compare ? "Show every version" : `Compare ${latest.version} with ${previous.version}`}
          </Link>
        )}
        <VersionTable
          columns={
            compare && latest && previous
              ? [latest, previous]
              : [{ version: "All", ...stats.total }, ...stats.versions]
          }
        />
      </section>
      {persona.checks?.length ? (
        <section aria-labelledby="checks" className="flex flex-col gap-2">
          <h2 id="checks" className="text-xl font-semibold">
            Checks of version {persona.version}
          </h2>
          {checks ? <CheckRunReport run={checks} /> : <p className="text-sm">Not run yet.</p>}
        </section>
      ) : null}
    </article>
  );
}
