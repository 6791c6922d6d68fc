import Link from "next/link";

export function SiteHeader() {
  return (
    <header className="border-b border-zinc-200 bg-white/80 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/80">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 font-bold text-zinc-900 dark:text-zinc-50">
          <span aria-hidden="true" className="text-2xl">
            🎭
          </span>
          Persona Market
        </Link>
        <nav aria-label="Main">
          <ul className="flex items-center gap-4 text-sm">
            <li>
              <Link href="/" className="text-zinc-700 hover:text-indigo-700 dark:text-zinc-300 dark:hover:text-indigo-300">
                Browse
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
