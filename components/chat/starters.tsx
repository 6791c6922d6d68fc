"use client";

/** One-click prompts for a conversation that has only its greeting. */
export function Starters({
  starters,
  disabled,
  onPick,
}: {
  starters: string[];
  disabled: boolean;
  onPick: (text: string) => void;
}) {
  return (
    <ul className="grid gap-2 sm:grid-cols-2" aria-label="Conversation starters">
      {starters.map((s) => (
        <li key={s}>
          <button
            type="button"
            disabled={disabled}
            onClick={() => onPick(s)}
            className="h-full w-full rounded-xl border border-zinc-200 p-3 text-left text-sm hover:border-indigo-400 hover:bg-indigo-50 disabled:opacity-60 dark:border-zinc-800 dark:hover:bg-indigo-950"
          >
            {s}
          </button>
        </li>
      ))}
    </ul>
  );
}
