"use client";

import Link from "next/link";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-3 py-16 text-center">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p className="text-zinc-700 dark:text-zinc-300">
        This page could not be shown. Nothing you did was lost.
      </p>
      <div className="flex gap-3">
        <button
          onClick={reset}
          className="rounded-lg bg-indigo-600 px-4 py-2 font-semibold text-white hover:bg-indigo-700"
        >
          Try again
        </button>
        <Link href="/" className="rounded-lg border border-zinc-300 px-4 py-2 dark:border-zinc-700">
          Browse personas
        </Link>
      </div>
    </div>
  );
}
