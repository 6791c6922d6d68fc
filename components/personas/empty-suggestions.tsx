import Link from "next/link";
import type { EmptySuggestions } from "@/lib/personas/search-empty";
import { galleryHref } from "@/lib/personas/url";

/** The empty gallery's way on: the closest categories and the most used personas, as plain links. */
export function EmptySuggestionsView({ suggestions }: { suggestions: EmptySuggestions }) {
  const link = "text-indigo-700 underline dark:text-indigo-300";
  return (
    <div className="mt-6 flex flex-col gap-4 text-left text-sm sm:flex-row sm:justify-center sm:gap-12">
      <section aria-labelledby="closest-categories">
        <h3 id="closest-categories" className="font-semibold">
          Closest categories
        </h3>
        <ul className="mt-1 flex flex-col gap-1">
          {suggestions.categories.map(({ category, label }) => (
            <li key={category}>
              <Link href={galleryHref({ category })} className={link}>
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="most-used-personas">
        <h3 id="most-used-personas" className="font-semibold">
          Most used personas
        </h3>
        <ul className="mt-1 flex flex-col gap-1">
          {suggestions.personas.map((p) => (
            <li key={p.id}>
              <Link href={`/personas/${p.id}`} className={link}>
                <span aria-hidden="true">{p.avatar} </span>
                {p.name}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
