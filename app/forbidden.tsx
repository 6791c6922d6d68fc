import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-3 py-16 text-center">
      <h1 className="text-2xl font-bold">Not allowed</h1>
      <p className="text-zinc-700 dark:text-zinc-300">Your account cannot open this page.</p>
      <Link
        href="/"
        className="rounded-lg bg-indigo-600 px-4 py-2 font-semibold text-white hover:bg-indigo-700"
      >
        Browse all personas
      </Link>
    </div>
  );
}
