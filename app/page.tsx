import type { Metadata } from "next";
import Link from "next/link";
import { CategoryNav } from "@/components/personas/category-nav";
import { GalleryControls } from "@/components/personas/gallery-controls";
import { Pagination } from "@/components/personas/pagination";
import { EmptySuggestionsView } from "@/components/personas/empty-suggestions";
import { PersonaCard } from "@/components/personas/persona-card";
import { getViewer } from "@/lib/auth/viewer";
import { favoriteSet } from "@/lib/community/favorites";
import { signInHref } from "@/lib/community/sign-in-href";
import { catalogStats, publicStats, statsOf } from "@/lib/community/stats";
import { getDb } from "@/lib/db/client";
import { parseGalleryParams } from "@/lib/personas/gallery-params";
import { getCatalog } from "@/lib/personas";
import { queryCatalog } from "@/lib/personas/query";
import { emptySuggestions } from "@/lib/personas/search-empty";
import { CATEGORIES } from "@/lib/personas/schema";
import { toSummary } from "@/lib/personas/summary";
import { galleryHref } from "@/lib/personas/url";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { query } = parseGalleryParams(await searchParams);
  const parts = [
    query.q && `“${query.q}”`,
    query.category && CATEGORIES[query.category],
    query.tag && `#${query.tag}`,
  ];
  const label = parts.filter(Boolean).join(" · ");
  return label ? { title: `${label} — personas`, robots: { index: false } } : {};
}

export default async function GalleryPage({ searchParams }: Props) {
  const { query, notices } = parseGalleryParams(await searchParams);
  const catalog = getCatalog();
  const viewer = await getViewer();
  const db = getDb();
  const stats = await catalogStats({ db });
  const favorites = await favoriteSet({ db, userId: viewer?.id });
  const result = queryCatalog(catalog, query, { stats, favorites });
  const filtered = Boolean(query.q || query.category || query.tag || query.tier || query.favorites);
  const here = galleryHref(query);
  const suggestions =
    result.total === 0 && !query.favorites ? emptySuggestions(catalog, query.q, stats) : undefined;

  return (
    <div className="flex flex-col gap-6">
      <section className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold tracking-tight text-zinc-900 sm:text-4xl dark:text-zinc-50">
          Find an AI persona to talk to
        </h1>
        <p className="max-w-2xl text-zinc-700 dark:text-zinc-300">
          {catalog.all.length} expert personas for code, data, design, writing, business and learning.
        </p>
      </section>

      <GalleryControls query={query} sort={result.sort} catalog={catalog} />

      {notices.length > 0 && (
        <div
          role="status"
          className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
        >
          {notices.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </div>
      )}

      <div className="flex flex-col gap-6 lg:flex-row">
        <aside className="lg:w-56 lg:shrink-0">
          <CategoryNav query={query} counts={result.categoryCounts} />
        </aside>
        <section aria-labelledby="results-heading" className="min-w-0 flex-1">
          <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
            <h2 id="results-heading" className="text-sm text-zinc-700 dark:text-zinc-300" aria-live="polite">
              <span data-testid="result-count">{result.total}</span>{" "}
              {result.total === 1 ? "persona" : "personas"}
              {filtered ? " match" : ""}
              {result.pageCount > 1 && ` · page ${result.page} of ${result.pageCount}`}
            </h2>
            {filtered && (
              <Link href="/" className="text-sm text-indigo-700 underline dark:text-indigo-300">
                Clear all filters
              </Link>
            )}
          </div>
          {result.didYouMean && (
            <p className="mb-4 text-sm text-zinc-700 dark:text-zinc-300" data-testid="did-you-mean">
              Did you mean{" "}
              <Link
                href={galleryHref(query, { q: result.didYouMean, page: undefined })}
                className="font-semibold text-indigo-700 underline dark:text-indigo-300"
              >
                {result.didYouMean}
              </Link>
              ? Results for it are included below.
            </p>
          )}
          {result.items.length === 0 ? (
            <div
              className="rounded-2xl border border-dashed border-zinc-300 p-10 text-center dark:border-zinc-700"
              data-testid="empty-state"
            >
              <p className="text-4xl" aria-hidden="true">
                🔭
              </p>
              <p className="mt-2 font-semibold">
                {query.favorites && !viewer
                  ? "Sign in to see the personas you starred."
                  : query.favorites && favorites.size === 0
                    ? "You have not starred any persona yet."
                    : "No persona matches these filters."}
              </p>
              {query.favorites && !viewer && (
                <Link
                  href={signInHref(here)}
                  className="mt-2 inline-block text-sm text-indigo-700 underline dark:text-indigo-300"
                >
                  Sign in
                </Link>
              )}
              <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
                Try fewer words, or another category or tier.
              </p>
              <div className="mt-4 flex justify-center gap-3 text-sm">
                {query.q && (query.category || query.tag || query.tier) && (
                  <Link
                    href={galleryHref({ q: query.q })}
                    className="text-indigo-700 underline dark:text-indigo-300"
                  >
                    Search “{query.q}” everywhere
                  </Link>
                )}
                <Link href="/" className="text-indigo-700 underline dark:text-indigo-300">
                  Browse all personas
                </Link>
              </div>
              {suggestions && <EmptySuggestionsView suggestions={suggestions} />}
            </div>
          ) : (
            <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
              {result.items.map((p) => (
                <li key={p.id}>
                  <PersonaCard
                    persona={toSummary(p)}
                    headingLevel={3}
                    stats={publicStats(statsOf(stats, p.id))}
                    star={{ starred: viewer ? favorites.has(p.id) : null, signInHref: signInHref(here) }}
                  />
                </li>
              ))}
            </ul>
          )}
          <Pagination query={query} page={result.page} pageCount={result.pageCount} />
        </section>
      </div>
    </div>
  );
}
