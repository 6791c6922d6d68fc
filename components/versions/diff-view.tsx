import type { DiffPart } from "@/lib/personas/versions-diff";

/** A word diff as text: added words underlined in green, removed ones struck through in red. */
export function DiffText({ parts }: { parts: DiffPart[] }) {
  return (
    <p className="text-sm whitespace-pre-wrap [overflow-wrap:anywhere]">
      {parts.map((p, i) =>
        p.op === "added" ? (
          <ins key={i} className="bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-100">
            {p.text}
          </ins>
        ) : p.op === "removed" ? (
          <del key={i} className="bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100">
            {p.text}
          </del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </p>
  );
}
