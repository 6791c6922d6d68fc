export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-zinc-200 py-8 text-center text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
      Persona Market — find an AI persona and talk to it.
    </footer>
  );
}
