import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PersonaCard } from "@/components/personas/persona-card";
import { creatorProfile } from "@/lib/creators/creator-page";
import { handleSchema } from "@/lib/creators/ids";
import { getDb } from "@/lib/db/client";

type Props = { params: Promise<{ handle: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const handle = handleSchema.safeParse((await params).handle);
  return { title: handle.success ? `@${handle.data} — creator` : "Creator not found" };
}

export default async function CreatorPage({ params }: Props) {
  const handle = handleSchema.safeParse((await params).handle);
  if (!handle.success) notFound();
  const profile = await creatorProfile({ db: getDb(), handle: handle.data });
  if (!profile) notFound();
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">@{profile.handle}</h1>
        <dl className="flex flex-wrap gap-6 text-sm" data-testid="creator-stats">
          <div>
            <dt className="text-zinc-600 dark:text-zinc-400">Personas</dt>
            <dd className="font-semibold">{profile.personas.length}</dd>
          </div>
          <div>
            <dt className="text-zinc-600 dark:text-zinc-400">People who chatted</dt>
            <dd className="font-semibold">{profile.users}</dd>
          </div>
          <div>
            <dt className="text-zinc-600 dark:text-zinc-400">Stars</dt>
            <dd className="font-semibold">{profile.stars}</dd>
          </div>
          <div>
            <dt className="text-zinc-600 dark:text-zinc-400">Average rating</dt>
            <dd className="font-semibold">
              {profile.rating === null ? "No ratings yet" : `${profile.rating} / 5 (${profile.ratingCount})`}
            </dd>
          </div>
        </dl>
      </header>
      {profile.personas.length === 0 ? (
        <p>No published personas yet.</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {profile.personas.map((p) => (
            <li key={p.id}>
              <PersonaCard persona={p} headingLevel={2} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
