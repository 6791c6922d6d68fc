import { Markdown } from "@/components/personas/markdown";
import { PersonaAvatar } from "@/components/personas/persona-avatar";
import { TierBadge } from "@/components/ui/tier-badge";
import type { DraftFields } from "@/lib/creators/draft";
import { CATEGORIES, type Category, type Tier } from "@/lib/personas/schema";

/**
 * The draft as its persona page will show it: the same avatar, badge and markdown renderer
 * (raw HTML dropped, remote images shown as their alt text, unsafe links refused).
 */
export function PersonaPreview({ fields, tier }: { fields: DraftFields; tier: Tier }) {
  const persona = {
    name: fields.name || "Untitled persona",
    avatar: fields.avatar || "🤖",
    imageUrl: fields.pictureId ? `/api/pictures/${fields.pictureId}` : null,
  };
  return (
    <article className="flex flex-col gap-6" aria-label="Live preview" data-testid="persona-preview">
      <header className="flex gap-4">
        <PersonaAvatar persona={persona} size={{ image: "h-16 w-16", emoji: "text-5xl" }} labelled />
        <div className="flex flex-col gap-1">
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="text-2xl font-bold tracking-tight">{persona.name}</h2>
            <TierBadge tier={tier} />
          </div>
          <p className="text-zinc-700 dark:text-zinc-300">{fields.description}</p>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {CATEGORIES[fields.category as Category] ?? fields.category}
            {fields.tags.length > 0 && ` · ${fields.tags.map((t) => `#${t}`).join(" ")}`}
          </p>
        </div>
      </header>
      {fields.greeting && (
        <div className="rounded-2xl rounded-tl-sm bg-white p-4 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
          <Markdown>{fields.greeting}</Markdown>
        </div>
      )}
      {fields.starters.length > 0 && (
        <ul className="grid gap-2 sm:grid-cols-2">
          {fields.starters.map((s, i) => (
            <li key={i} className="rounded-xl border border-zinc-200 p-3 text-sm dark:border-zinc-800">
              {s}
            </li>
          ))}
        </ul>
      )}
      <section aria-label="The persona's instructions" data-testid="preview-body">
        <div className="rounded-2xl border border-zinc-200 bg-white p-6 dark:border-zinc-800 dark:bg-zinc-900">
          <Markdown>{fields.body || "_The prompt appears here as you write it._"}</Markdown>
        </div>
      </section>
    </article>
  );
}
