import type { DiffRow } from "@/lib/moderation/diff";

const CELL = "whitespace-pre-wrap break-all px-2 py-0.5 align-top font-mono text-xs";

/** A submission beside the version published before it, line by line. */
export function DiffView({ rows }: { rows: DiffRow[] }) {
  return (
    <div
      className="max-h-96 overflow-auto rounded-lg border border-zinc-200 dark:border-zinc-800"
      tabIndex={0}
    >
      <table className="w-full table-fixed" data-testid="submission-diff">
        <thead>
          <tr className="text-left text-xs">
            <th className="px-2">Published</th>
            <th className="px-2">Submitted</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              <td className={`${CELL} ${row.kind === "removed" ? "bg-red-50 dark:bg-red-950" : ""}`}>
                {row.kind !== "added" ? row.left : ""}
              </td>
              <td className={`${CELL} ${row.kind === "added" ? "bg-emerald-50 dark:bg-emerald-950" : ""}`}>
                {row.kind !== "removed" ? row.right : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
