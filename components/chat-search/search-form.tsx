/** A plain GET form to /chat/search: works without JavaScript, and a search is a shareable URL. */
export function ConversationSearchForm({ q = "" }: { q?: string }) {
  return (
    <form action="/chat/search" role="search" aria-label="Search your conversations" className="flex gap-2">
      <label htmlFor="chat-search-q" className="sr-only">
        Search your conversations
      </label>
      <input
        id="chat-search-q"
        name="q"
        type="search"
        defaultValue={q}
        maxLength={100}
        required
        placeholder="Search conversations…"
        className="min-w-0 flex-1 rounded-lg border border-zinc-300 bg-white px-3 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      />
      <button
        type="submit"
        className="rounded-lg border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        Search
      </button>
    </form>
  );
}
