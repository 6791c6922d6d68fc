import Link from "next/link";
import type { GalleryQuery } from "@/lib/personas/query";
import { galleryHref } from "@/lib/personas/url";

/** The most used tags with their counts, as links: a click filters (or clears the tag it shows). */
export function PopularTags({
  query,
  tags,
}: {
  query: GalleryQuery;
  tags: readonly { tag: string; count: number }[];
}) {
  if (tags.length === 0) return null;
  return (
    <nav aria-label="Popular tags" className="flex flex-wrap items-center gap-2 text-xs">
      <span className="font-medium text-zinc-700 dark:text-zinc-300">Popular tags:</span>
      {tags.map(({ tag, count }) => {
        const current = query.tag === tag;
        return (
          <Link
            key={tag}
            href={galleryHref(query, { tag: current ? undefined : tag, page: undefined })}
            aria-current={current ? "page" : undefined}
            className={`rounded-full border px-2 py-0.5 ${
              current
                ? "border-indigo-600 bg-indigo-600 text-white"
                : "border-zinc-300 text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800"
            }`}
          >
            #{tag} <span className="tabular-nums">({count})</span>
          </Link>
        );
      })}
    </nav>
  );
}
