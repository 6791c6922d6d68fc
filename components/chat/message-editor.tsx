"use client";

import { useId, useState } from "react";

/** Editing a message of the user's in place: Send asks again with the new text, on a new branch. */
export function MessageEditor({
  initial,
  onSend,
  onCancel,
}: {
  initial: string;
  onSend: (text: string) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState(initial);
  const id = useId();
  return (
    <form
      className="flex w-full flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) onSend(text.trim());
      }}
    >
      <label htmlFor={id} className="sr-only">
        Edit your message
      </label>
      <textarea
        id={id}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") onCancel();
        }}
        autoFocus
        rows={3}
        maxLength={8000}
        className="w-full rounded-lg border border-zinc-300 bg-white p-2 text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      />
      <div className="flex justify-end gap-2 text-sm">
        <button
          type="button"
          onClick={onCancel}
          className="min-h-8 rounded-lg border border-zinc-300 px-3 dark:border-zinc-700"
        >
          Cancel
        </button>
        <button
          type="submit"
          disabled={!text.trim()}
          className="min-h-8 rounded-lg bg-indigo-600 px-3 font-semibold text-white disabled:opacity-50"
        >
          Send edit
        </button>
      </div>
    </form>
  );
}
