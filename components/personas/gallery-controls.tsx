import Form from "next/form";
import type { Catalog } from "@/lib/personas/catalog";
import type { GalleryQuery, Sort } from "@/lib/personas/query";
import { TIER_LABELS, TIERS } from "@/lib/tiers";
import { galleryHref } from "@/lib/personas/url";
import { AutoSubmit } from "./auto-submit";

const SORT_LABELS: Record<Sort, string> = {
  featured: "Featured",
  relevance: "Best match",
  name: "Name (A–Z)",
  newest: "Newest",
  trending: "Trending",
  "most-used": "Most used",
  "top-rated": "Top rated",
};
const COMMUNITY = ["trending", "most-used", "top-rated"] as const;

const field =
  "rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";

/** A plain GET form: works with JavaScript off, and every state it makes is a shareable URL. */
export function GalleryControls({
  query,
  sort,
  catalog,
}: {
  query: GalleryQuery;
  sort: Sort;
  catalog: Catalog;
}) {
  // The default order submits as an empty value, so a search typed from the unsorted gallery
  // ranks by relevance instead of carrying "featured" along with it.
  const defaultSort: Sort = query.q ? "relevance" : "featured";
  const sorts = query.q
    ? (["featured", "name", "newest", ...COMMUNITY] as const)
    : (["name", "newest", ...COMMUNITY] as const);
  return (
    <Form
      // Fields are uncontrolled: a new URL state (back button, a link) must remount them, or
      // they keep showing what was typed or picked before.
      key={galleryHref({ ...query, page: undefined })}
      action="/"
      role="search"
      aria-label="Search and filter personas"
      className="flex flex-col gap-3"
    >
      {query.category && <input type="hidden" name="category" value={query.category} />}
      <div className="flex gap-2">
        <label htmlFor="q" className="sr-only">
          Search personas
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={query.q ?? ""}
          maxLength={100}
          placeholder="Search by name, skill or topic…"
          className={`${field} min-w-0 flex-1`}
        />
        <button
          type="submit"
          className="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          Search
        </button>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-xs font-medium text-zinc-700 dark:text-zinc-300">
          Tag
          <select name="tag" defaultValue={query.tag ?? ""} className={field}>
            <option value="">Any tag</option>
            {catalog.tags.map(({ tag, count }) => (
              <option key={tag} value={tag}>
                {tag} ({count})
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-zinc-700 dark:text-zinc-300">
          Tier
          <select name="tier" defaultValue={query.tier ?? ""} className={field}>
            <option value="">Any tier</option>
            {TIERS.map((t) => (
              <option key={t} value={t}>
                {TIER_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-zinc-700 dark:text-zinc-300">
          Show
          <select name="favorites" defaultValue={query.favorites ?? ""} className={field}>
            <option value="">All personas</option>
            <option value="1">Favourites</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-zinc-700 dark:text-zinc-300">
          Sort
          <select name="sort" defaultValue={sort === defaultSort ? "" : sort} className={field}>
            <option value="">{SORT_LABELS[defaultSort]}</option>
            {sorts.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={`${field} font-medium hover:bg-zinc-100 dark:hover:bg-zinc-800`}>
          Apply
        </button>
        <AutoSubmit />
      </div>
    </Form>
  );
}
