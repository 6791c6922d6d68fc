"use client";

import { useId, useState } from "react";
import type { DraftCheck } from "@/lib/creators/draft";
import { CHECKS_MAX } from "@/lib/personas/schema";

const input =
  "w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900";
type Row = { message: string; mustContain: string; mustNotContain: string };
const lines = (text: string) =>
  text
    .split("\n")
    .map((s) => s.trim())
    .filter(Boolean);
const toRow = (c: DraftCheck): Row => ({
  message: c.message,
  mustContain: c.mustContain.join("\n"),
  mustNotContain: c.mustNotContain.join("\n"),
});
const toCheck = (r: Row): DraftCheck => ({
  message: r.message,
  mustContain: lines(r.mustContain),
  mustNotContain: lines(r.mustNotContain),
});

/**
 * The persona's checks: a user message each, and what a good reply must (or must not) contain,
 * one a line, text or /a regular expression/. They run against the model when the draft is submitted.
 */
export function ChecksEditor({
  initial,
  onChange,
}: {
  initial: DraftCheck[];
  onChange: (checks: DraftCheck[]) => void;
}) {
  const [rows, setRows] = useState(() => initial.map(toRow));
  const base = useId();
  const change = (next: Row[]) => {
    setRows(next);
    onChange(next.map(toCheck));
  };
  const edit = (i: number, patch: Partial<Row>) =>
    change(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="flex flex-col gap-3 text-sm" aria-label="Checks">
      <legend className="font-medium">Checks</legend>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Up to {CHECKS_MAX}: a message, and what a good reply must or must not contain (one a line, text or /a
        regular expression/). They run against the model when you submit, each counted as one of your messages
        today.
      </p>
      {rows.map((row, i) => (
        <div
          key={i}
          className="flex flex-col gap-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
        >
          <label htmlFor={`${base}-${i}-message`}>Check {i + 1}: message</label>
          <input
            id={`${base}-${i}-message`}
            className={input}
            maxLength={1000}
            value={row.message}
            onChange={(e) => edit(i, { message: e.target.value })}
          />
          <div className="grid grid-cols-2 gap-2">
            {(["mustContain", "mustNotContain"] as const).map((name) => (
              <div key={name} className="flex flex-col gap-1">
                <label htmlFor={`${base}-${i}-${name}`}>
                  Check {i + 1}: {name === "mustContain" ? "must contain" : "must not contain"}
                </label>
                <textarea
                  id={`${base}-${i}-${name}`}
                  className={input}
                  rows={2}
                  value={row[name]}
                  onChange={(e) => edit(i, { [name]: e.target.value })}
                />
              </div>
            ))}
          </div>
          <button
            type="button"
            className="self-start text-xs underline"
            onClick={() => change(rows.filter((_, j) => j !== i))}
          >
            Remove check {i + 1}
          </button>
        </div>
      ))}
      {rows.length < CHECKS_MAX && (
        <button
          type="button"
          className="self-start rounded-lg border px-3 py-1.5"
          onClick={() => change([...rows, { message: "", mustContain: "", mustNotContain: "" }])}
        >
          Add a check
        </button>
      )}
    </fieldset>
  );
}
