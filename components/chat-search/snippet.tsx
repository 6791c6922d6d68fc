import { MARK_END, MARK_START } from "@/lib/db/queries/conversation-search-marks";

/** A matching line with its matched words in <mark>: plain text pieces, never HTML. */
export function Snippet({ text }: { text: string }) {
  const parts: React.ReactNode[] = [];
  let rest = text;
  for (let i = 0; rest.length > 0; i++) {
    const start = rest.indexOf(MARK_START);
    if (start < 0) {
      parts.push(rest);
      break;
    }
    const end = rest.indexOf(MARK_END, start);
    if (start > 0) parts.push(rest.slice(0, start));
    const marked = rest.slice(start + 1, end < 0 ? undefined : end);
    parts.push(
      <mark key={i} className="rounded bg-amber-200 px-0.5 text-zinc-900 dark:bg-amber-700 dark:text-zinc-50">
        {marked}
      </mark>,
    );
    rest = end < 0 ? "" : rest.slice(end + 1);
  }
  return <>{parts}</>;
}
