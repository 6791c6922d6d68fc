"use client";

import type { FormEvent, KeyboardEvent } from "react";

const MAX = 8000;

export function Composer({
  value,
  onChange,
  onSend,
  disabled,
  personaName,
}: {
  value: string;
  onChange: (v: string) => void;
  onSend: (text: string) => void;
  disabled: boolean;
  personaName: string;
}) {
  const text = value.trim();
  const tooLong = value.length > MAX;
  function submit(e?: FormEvent) {
    e?.preventDefault();
    if (!text || tooLong || disabled) return;
    onSend(text);
  }
  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) submit(e);
  }
  return (
    <form onSubmit={submit} className="sticky bottom-0 flex flex-col gap-1 bg-zinc-50 py-2 dark:bg-zinc-950">
      <div className="flex items-end gap-2">
        <label htmlFor="chat-input" className="sr-only">
          Message {personaName}
        </label>
        <textarea
          id="chat-input"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={onKeyDown}
          rows={2}
          placeholder={`Message ${personaName}…`}
          aria-invalid={tooLong || undefined}
          className="min-h-12 flex-1 resize-y rounded-xl border border-zinc-300 bg-white px-3 py-2 text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
        />
        <button
          type="submit"
          disabled={!text || tooLong || disabled}
          className="rounded-xl bg-indigo-600 px-4 py-2.5 font-semibold text-white hover:bg-indigo-700 disabled:opacity-50"
        >
          Send
        </button>
      </div>
      <p
        className={`text-xs ${tooLong ? "text-rose-700 dark:text-rose-400" : "text-zinc-600 dark:text-zinc-400"}`}
      >
        {tooLong
          ? `Too long: ${value.length} of ${MAX} characters.`
          : "Enter to send, Shift+Enter for a new line."}
      </p>
    </form>
  );
}
