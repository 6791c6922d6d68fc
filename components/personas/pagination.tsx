import Link from "next/link";
import type { GalleryQuery } from "@/lib/personas/query";
import { galleryHref } from "@/lib/personas/url";

export function Pagination({
  query,
  page,
  pageCount,
}: {
  query: GalleryQuery;
  page: number;
  pageCount: number;
}) {
  if (pageCount <= 1) return null;
  const link = "rounded-lg px-3 py-1.5 text-sm border border-zinc-300 dark:border-zinc-700";
  const pages = Array.from({ length: pageCount }, (_, i) => i + 1).filter(
    (p) => p === 1 || p === pageCount || Math.abs(p - page) <= 2,
  );
  return (
    <nav aria-label="Pagination" className="mt-8 flex flex-wrap items-center justify-center gap-2">
      {page > 1 ? (
        <Link
          href={galleryHref(query, { page: page - 1 })}
          rel="prev"
          className={`${link} hover:bg-zinc-100 dark:hover:bg-zinc-800`}
        >
          ← Previous
        </Link>
      ) : null}
      {pages.map((p, i) => (
        <span key={p} className="flex items-center gap-2">
          {i > 0 && p - pages[i - 1]! > 1 && <span aria-hidden="true">…</span>}
          <Link
            href={galleryHref(query, { page: p })}
            aria-current={p === page ? "page" : undefined}
            aria-label={`Page ${p}`}
            className={`${link} ${p === page ? "border-indigo-600 bg-indigo-600 font-semibold text-white" : "hover:bg-zinc-100 dark:hover:bg-zinc-800"}`}
          >
            {p}
          </Link>
        </span>
      ))}
      {page < pageCount ? (
        <Link
          href={galleryHref(query, { page: page + 1 })}
          rel="next"
          className={`${link} hover:bg-zinc-100 dark:hover:bg-zinc-800`}
        >
          Next →
        </Link>
      ) : null}
    </nav>
  );
}
