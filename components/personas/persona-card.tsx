import Link from "next/link";
import { CATEGORIES } from "@/lib/personas/schema";
import type { PersonaSummary } from "@/lib/personas/summary";
import { TierBadge } from "@/components/ui/tier-badge";
import { PersonaAvatar } from "./persona-avatar";
import type { PublicStats } from "@/lib/community/stats";
import { FavoriteButton } from "./favorite-button";
import { PersonaStatsLine } from "./persona-stats";
import { tokensLabel } from "@/lib/personas/prompt-size";

export function PersonaCard({
  persona,
  headingLevel = 2,
  stats,
  star,
}: {
  persona: PersonaSummary;
  headingLevel?: 2 | 3;
  stats?: PublicStats;
  /** The star: `starred` null for a visitor (a link to sign in and come back to `signInHref`). */
  star?: { starred: boolean | null; signInHref: string };
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article
      className="group relative flex h-full flex-col gap-3 rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm transition hover:-translate-y-0.5 hover:shadow-md focus-within:ring-2 focus-within:ring-indigo-500 dark:border-zinc-800 dark:bg-zinc-900"
      data-testid="persona-card"
    >
      <div className="flex items-start gap-3">
        <PersonaAvatar persona={persona} size={{ image: "h-10 w-10", emoji: "text-3xl" }} />
        <div className="min-w-0 flex-1">
          <Heading className="font-semibold text-zinc-900 dark:text-zinc-50">
            <Link
              href={`/personas/${persona.id}`}
              className="after:absolute after:inset-0 focus:outline-none"
            >
              {persona.name}
            </Link>
          </Heading>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{CATEGORIES[persona.category]}</p>
        </div>
        <TierBadge tier={persona.tier} />
        {star && (
          <FavoriteButton
            personaId={persona.id}
            personaName={persona.name}
            starred={star.starred}
            signInHref={star.signInHref}
          />
        )}
      </div>
      <p className="line-clamp-3 text-sm text-zinc-700 dark:text-zinc-300">{persona.description}</p>
      {stats && <PersonaStatsLine stats={stats} />}
      <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="prompt-size">
        Prompt: {tokensLabel(persona.promptTokens)}
      </p>
      <ul className="mt-auto flex flex-wrap gap-1.5" aria-label="Tags">
        {persona.tags.slice(0, 4).map((tag) => (
          <li
            key={tag}
            className="rounded-md bg-zinc-100 px-2 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
          >
            #{tag}
          </li>
        ))}
      </ul>
    </article>
  );
}
