import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Markdown } from "@/components/personas/markdown";
import { ExportLinks } from "@/components/personas/export-links";
import { PersonaAvatar } from "@/components/personas/persona-avatar";
import { FavoriteButton } from "@/components/personas/favorite-button";
import { PersonaCard } from "@/components/personas/persona-card";
import { PersonaPrompt } from "@/components/personas/persona-prompt";
import { PersonaStatsLine } from "@/components/personas/persona-stats";
import { ChecksSummaryLine } from "@/components/personas/checks-report";
import { favoriteSet } from "@/lib/community/favorites";
import { signInHref } from "@/lib/community/sign-in-href";
import { catalogStats, publicStats, statsOf } from "@/lib/community/stats";
import { getDb } from "@/lib/db/client";
import { ReviewsSection } from "@/components/community/reviews-section";
import { personaJsonLd } from "@/lib/community/json-ld";
import { tokensLabel } from "@/lib/personas/prompt-size";
import {
  ownReview,
  REVIEW_MAX_CHARS,
  reviewRefusal,
  reviewsPage,
  reviewsQuerySchema,
} from "@/lib/community/reviews";
import { env } from "@/lib/env";
import { TierBadge } from "@/components/ui/tier-badge";
import { getViewer } from "@/lib/auth/viewer";
import { PersonaCreditLine } from "@/components/creators/persona-credit";
import { personaCredit } from "@/lib/creators/credit";
import { creatorHandle } from "@/lib/creators/studio";
import { getCatalog } from "@/lib/personas";
import { personaDetail } from "@/lib/personas/detail";
import { personaChecksSummary } from "@/lib/personas/checks-view";
import { CATEGORIES } from "@/lib/personas/schema";
import { galleryHref } from "@/lib/personas/url";
import { TIER_LABELS } from "@/lib/tiers";

type Props = {
  params: Promise<{ id: string }>;
  searchParams?: Promise<Record<string, string | string[] | undefined>>;
};

function findPersona(id: string) {
  return getCatalog().byId.get(id);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const persona = findPersona((await params).id);
  if (!persona) return { title: "Persona not found" };
  return {
    title: `${persona.name} — ${CATEGORIES[persona.category]} persona`,
    description: persona.description,
    alternates: { canonical: `/personas/${persona.id}` },
    openGraph: { title: persona.name, description: persona.description, type: "article" },
    twitter: { card: "summary_large_image", title: persona.name, description: persona.description },
  };
}

export default async function PersonaPage({ params, searchParams }: Props) {
  const { id } = await params;
  const raw = (await searchParams) ?? {};
  const catalog = getCatalog();
  const persona = catalog.byId.get(id);
  if (!persona) notFound();
  const viewer = await getViewer();
  const db = getDb();
  const credit = await personaCredit({ db, personaId: persona.id });
  // A creator always sees their own persona's body, whatever their tier.
  const owner = Boolean(
    viewer && credit.handle && (await creatorHandle({ db, userId: viewer.id })) === credit.handle,
  );
  const detail = personaDetail(catalog, persona, owner ? persona.tier : (viewer?.tier ?? null));
  const chatHref = `/chat?persona=${detail.id}`;
  const stats = publicStats(statsOf(await catalogStats({ db }), persona.id));
  const checks = await personaChecksSummary({ db, persona });
  const starred = viewer ? (await favoriteSet({ db, userId: viewer.id })).has(persona.id) : null;
  const reviewQuery = reviewsQuerySchema.safeParse({ page: raw.reviewPage, sort: raw.reviews });
  const reviews = await reviewsPage({
    db,
    personaId: persona.id,
    ...(reviewQuery.success ? reviewQuery.data : { page: 1, sort: "newest" as const }),
  });
  const reviewer = viewer
    ? {
        own: await ownReview({ db, userId: viewer.id, personaId: persona.id }),
        refusal: (await reviewRefusal({ db, userId: viewer.id, persona }))?.message ?? null,
      }
    : null;
  const signedIn = Boolean(viewer && !viewer.isGuest);
  const unlockHref = viewer
    ? "/pricing"
    : `/sign-up?callbackUrl=${encodeURIComponent(`/personas/${detail.id}`)}`;

  return (
    <article className="flex flex-col gap-8">
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{ __html: personaJsonLd(detail, stats, env().siteUrl) }}
      />
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-700 dark:text-zinc-300">
        <Link href="/" className="underline">
          Personas
        </Link>{" "}
        /{" "}
        <Link href={galleryHref({ category: detail.category })} className="underline">
          {CATEGORIES[detail.category]}
        </Link>
      </nav>

      <header className="flex flex-col gap-4 sm:flex-row sm:items-start">
        <PersonaAvatar persona={detail} size={{ image: "h-24 w-24", emoji: "text-6xl" }} labelled />
        <div className="flex flex-1 flex-col gap-2">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-3xl font-bold tracking-tight text-zinc-900 dark:text-zinc-50">
              {detail.name}
            </h1>
            <TierBadge tier={detail.tier} locked={detail.locked} />
            <FavoriteButton
              personaId={detail.id}
              personaName={detail.name}
              starred={starred}
              signInHref={signInHref(`/personas/${detail.id}`)}
            />
          </div>
          <PersonaStatsLine stats={stats} />
          <PersonaCreditLine
            personaId={persona.id}
            credit={credit}
            canRemix={signedIn && !detail.locked}
            canReport={signedIn && credit.handle !== null}
          />
          <p className="text-lg text-zinc-700 dark:text-zinc-300">{detail.description}</p>
          <ul className="flex flex-wrap gap-2 text-sm" aria-label="Category and tags">
            <li>
              <Link
                href={galleryHref({ category: detail.category })}
                className="rounded-md bg-indigo-50 px-2 py-0.5 font-medium text-indigo-800 hover:underline dark:bg-indigo-950 dark:text-indigo-200"
              >
                {CATEGORIES[detail.category]}
              </Link>
            </li>
            {detail.tags.map((tag) => (
              <li key={tag}>
                <Link
                  href={galleryHref({ tag })}
                  className="rounded-md bg-zinc-100 px-2 py-0.5 text-zinc-700 hover:underline dark:bg-zinc-800 dark:text-zinc-300"
                >
                  #{tag}
                </Link>
              </li>
            ))}
          </ul>
        </div>
        <Link
          href={detail.locked ? unlockHref : chatHref}
          className="self-start rounded-xl bg-indigo-600 px-5 py-2.5 font-semibold text-white shadow hover:bg-indigo-700"
        >
          {detail.locked ? `Unlock with ${TIER_LABELS[detail.tier]}` : "Start chat"}
        </Link>
      </header>

      <div className="grid gap-8 lg:grid-cols-[1fr_18rem]">
        <div className="flex min-w-0 flex-col gap-8">
          <section aria-labelledby="greeting-heading">
            <h2 id="greeting-heading" className="sr-only">
              Greeting
            </h2>
            <div className="flex gap-3">
              <PersonaAvatar persona={detail} size={{ image: "h-10 w-10", emoji: "text-2xl" }} />
              <div
                className="rounded-2xl rounded-tl-sm bg-white p-4 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800"
                data-testid="greeting"
              >
                <Markdown>{detail.greeting}</Markdown>
              </div>
            </div>
          </section>

          {detail.starters.length > 0 && (
            <section aria-labelledby="starters-heading">
              <h2 id="starters-heading" className="mb-3 text-lg font-semibold">
                Conversation starters
              </h2>
              <ul className="grid gap-2 sm:grid-cols-2">
                {detail.starters.map((s) => (
                  <li key={s}>
                    <Link
                      href={`${chatHref}&prompt=${encodeURIComponent(s)}`}
                      className="block h-full rounded-xl border border-zinc-200 p-3 text-sm hover:border-indigo-400 hover:bg-indigo-50 dark:border-zinc-800 dark:hover:bg-indigo-950"
                    >
                      {s}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          )}

          <PersonaPrompt detail={detail} signedIn={Boolean(viewer)} unlockHref={unlockHref} />
        </div>

        <aside className="flex flex-col gap-6">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded-2xl border border-zinc-200 p-4 text-sm dark:border-zinc-800">
            <dt className="text-zinc-600 dark:text-zinc-400">Model</dt>
            <dd className="font-medium">{detail.model}</dd>
            <dt className="text-zinc-600 dark:text-zinc-400">Version</dt>
            <dd className="font-medium">{detail.version}</dd>
            <dt className="text-zinc-600 dark:text-zinc-400">History</dt>
            <dd>
              <Link href={`/personas/${detail.id}/versions`} className="underline">
                Every version and its changes
              </Link>
            </dd>
            {checks && (
              <>
                <dt className="text-zinc-600 dark:text-zinc-400">Checks</dt>
                <dd>
                  <ChecksSummaryLine summary={checks} />
                </dd>
              </>
            )}
            <dt className="text-zinc-600 dark:text-zinc-400">Prompt size</dt>
            <dd className="font-medium" data-testid="prompt-size">
              {tokensLabel(detail.promptTokens)} (estimated)
            </dd>
            <dt className="text-zinc-600 dark:text-zinc-400">Tier</dt>
            <dd className="font-medium">{TIER_LABELS[detail.tier]}</dd>
            {detail.author && (
              <>
                <dt className="text-zinc-600 dark:text-zinc-400">Author</dt>
                <dd className="font-medium">{detail.author}</dd>
              </>
            )}
            <dt className="text-zinc-600 dark:text-zinc-400">Tools</dt>
            <dd>
              {detail.tools.length ? (
                <ul className="flex flex-wrap gap-1">
                  {detail.tools.map((t) => (
                    <li
                      key={t}
                      className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs dark:bg-zinc-800"
                    >
                      {t}
                    </li>
                  ))}
                </ul>
              ) : (
                "None"
              )}
            </dd>
          </dl>
          {!detail.locked && <ExportLinks id={detail.id} />}
        </aside>
      </div>

      <ReviewsSection
        personaId={detail.id}
        personaName={detail.name}
        reviews={reviews}
        viewer={reviewer}
        signInHref={signInHref(`/personas/${detail.id}#reviews`)}
        maxChars={REVIEW_MAX_CHARS}
      />

      <RelatedSection id="works-well-with" title="Works well with" personas={detail.worksWellWith} />
      <RelatedSection id="paired-with-by" title="Paired with by" personas={detail.pairedWith} />
    </article>
  );
}

function RelatedSection({
  id,
  title,
  personas,
}: {
  id: string;
  title: string;
  personas: Parameters<typeof PersonaCard>[0]["persona"][];
}) {
  if (personas.length === 0) return null;
  return (
    <section aria-labelledby={id} data-testid={id}>
      <h2 id={id} className="mb-3 text-xl font-semibold">
        {title}
      </h2>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {personas.map((p) => (
          <li key={p.id}>
            <PersonaCard persona={p} headingLevel={3} />
          </li>
        ))}
      </ul>
    </section>
  );
}
