import Link from "next/link";
import type { ReviewsPage, ReviewView } from "@/lib/community/reviews";
import { ReviewActions } from "./review-actions";
import { ReviewForm } from "./review-form";

type Props = {
  personaId: string;
  personaName: string;
  reviews: ReviewsPage;
  /** null for a visitor; what the signed-in viewer may do otherwise. */
  viewer: { own: ReviewView | null; refusal: string | null } | null;
  signInHref: string;
  maxChars: number;
};

const pageHref = (id: string, sort: string, page: number) =>
  `/personas/${id}?${new URLSearchParams({ ...(sort !== "newest" && { reviews: sort }), ...(page > 1 && { reviewPage: String(page) }) })}#reviews`;

/** The average, the distribution and the reviews; review text is shown as plain text, never markdown. */
export function ReviewsSection({ personaId, personaName, reviews, viewer, signInHref, maxChars }: Props) {
  const top = Math.max(1, ...reviews.distribution.map((d) => d.count));
  return (
    <section aria-labelledby="reviews" data-testid="reviews" className="flex flex-col gap-4">
      <h2 id="reviews" className="text-xl font-semibold">
        Reviews
      </h2>
      <div className="flex flex-wrap items-start gap-6">
        <p className="text-sm" data-testid="rating-summary">
          {reviews.average === null ? (
            "No reviews yet."
          ) : (
            <>
              <span className="text-3xl font-bold">{reviews.average.toFixed(1)}</span> out of 5 ·{" "}
              {reviews.total} {reviews.total === 1 ? "review" : "reviews"}
            </>
          )}
        </p>
        {reviews.total > 0 && (
          <ul className="flex flex-col gap-1 text-xs" aria-label="Ratings by stars">
            {reviews.distribution.map((d) => (
              <li key={d.rating} className="flex items-center gap-2">
                <span className="w-6">{d.rating}★</span>
                <span className="h-2 w-32 rounded bg-zinc-200 dark:bg-zinc-800" aria-hidden="true">
                  <span
                    className="block h-2 rounded bg-amber-500"
                    style={{ width: `${(d.count / top) * 100}%` }}
                  />
                </span>
                <span>{d.count}</span>
              </li>
            ))}
          </ul>
        )}
      </div>

      {viewer === null ? (
        <p className="text-sm">
          <Link href={signInHref} className="text-indigo-700 underline dark:text-indigo-300">
            Sign in
          </Link>{" "}
          to review {personaName} once you have used it.
        </p>
      ) : viewer.refusal && !viewer.own ? (
        <p className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="review-refusal">
          {viewer.refusal}
        </p>
      ) : (
        <ReviewForm personaId={personaId} existing={viewer.own} maxChars={maxChars} />
      )}

      {reviews.total > 0 && (
        <nav aria-label="Order reviews" className="flex gap-3 text-sm">
          <Link
            href={pageHref(personaId, "newest", 1)}
            aria-current={reviews.sort === "newest" ? "true" : undefined}
            className="underline"
          >
            Newest
          </Link>
          <Link
            href={pageHref(personaId, "helpful", 1)}
            aria-current={reviews.sort === "helpful" ? "true" : undefined}
            className="underline"
          >
            Most helpful
          </Link>
        </nav>
      )}
      <ol className="flex flex-col gap-3">
        {reviews.items.map((r) => (
          <li
            key={r.id}
            className="rounded-xl border border-zinc-200 p-3 dark:border-zinc-800"
            data-testid="review"
          >
            <p className="text-sm">
              <span aria-label={`${r.rating} out of 5`}>
                {"★".repeat(r.rating)}
                {"☆".repeat(5 - r.rating)}
              </span>{" "}
              <span className="font-medium">{r.author}</span> ·{" "}
              <time dateTime={r.updatedAt}>{r.updatedAt.slice(0, 10)}</time> · for version {r.personaVersion}
            </p>
            {r.text && <p className="mt-1 whitespace-pre-line break-words text-sm">{r.text}</p>}
            {viewer && viewer.own?.id !== r.id && <ReviewActions reviewId={r.id} helpful={r.helpful} />}
          </li>
        ))}
      </ol>
      {reviews.pageCount > 1 && (
        <nav aria-label="Review pages" className="flex gap-3 text-sm">
          {reviews.page > 1 && (
            <Link href={pageHref(personaId, reviews.sort, reviews.page - 1)} className="underline">
              Newer
            </Link>
          )}
          <span>
            Page {reviews.page} of {reviews.pageCount}
          </span>
          {reviews.page < reviews.pageCount && (
            <Link href={pageHref(personaId, reviews.sort, reviews.page + 1)} className="underline">
              Older
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}
