import Link from "next/link";
import type { GalleryQuery } from "@/lib/personas/query";
import { CATEGORIES, type Category } from "@/lib/personas/schema";
import { galleryHref } from "@/lib/personas/url";

export function CategoryNav({ query, counts }: { query: GalleryQuery; counts: Record<Category, number> }) {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const item = (label: string, count: number, category: Category | undefined) => {
    const active = query.category === category;
    return (
      <li key={label}>
        <Link
          href={galleryHref(query, { category, page: undefined })}
          aria-current={active ? "page" : undefined}
          className={`flex items-center justify-between gap-2 rounded-lg px-3 py-1.5 text-sm ${
            active
              ? "bg-indigo-600 font-semibold text-white"
              : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
          }`}
        >
          <span>{label}</span>
          <span
            className={`tabular-nums text-xs ${active ? "text-indigo-100" : "text-zinc-600 dark:text-zinc-400"}`}
          >
            {count}
          </span>
        </Link>
      </li>
    );
  };
  return (
    <nav aria-label="Categories">
      <h2 className="mb-2 px-3 text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
        Categories
      </h2>
      <ul className="flex gap-1 overflow-x-auto pb-2 lg:flex-col lg:overflow-visible">
        {item("All", total, undefined)}
        {Object.entries(CATEGORIES).map(([c, label]) => item(label, counts[c] ?? 0, c))}
      </ul>
    </nav>
  );
}
