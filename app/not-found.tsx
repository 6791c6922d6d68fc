import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-3 py-16 text-center">
      <p className="text-5xl" aria-hidden="true">
        🧭
      </p>
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="text-zinc-700 dark:text-zinc-300">
        There is no persona or page at this address. It may have been renamed, or the link has a typo.
      </p>
      <Link
        href="/"
        className="rounded-lg bg-indigo-600 px-4 py-2 font-semibold text-white hover:bg-indigo-700"
      >
        Browse all personas
      </Link>
    </div>
  );
}
