import type { HistoryEntry, VersionComparison } from "@/lib/personas/versions-history";
import { DiffText } from "./diff-view";

/** Two versions side by side in time: the fields that changed, then the prompt (or only its size when locked). */
export function VersionCompare({
  personaId,
  entries,
  comparison,
}: {
  personaId: string;
  entries: HistoryEntry[];
  comparison: VersionComparison | null;
}) {
  const option = (e: HistoryEntry) => (
    <option key={e.key} value={e.key}>
      {e.version} ({e.firstSeen.slice(0, 10)})
    </option>
  );
  return (
    <section aria-labelledby="compare-heading" className="flex flex-col gap-3">
      <h2 id="compare-heading" className="text-xl font-semibold">
        Compare versions
      </h2>
      <form
        method="get"
        action={`/personas/${personaId}/versions`}
        className="flex flex-wrap items-end gap-2"
      >
        <label className="flex flex-col text-sm">
          From
          <select name="from" defaultValue={comparison?.from.key} className="rounded-md border px-2 py-1">
            {entries.map(option)}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          To
          <select name="to" defaultValue={comparison?.to.key} className="rounded-md border px-2 py-1">
            {entries.map(option)}
          </select>
        </label>
        <button type="submit" className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white">
          Compare
        </button>
      </form>
      {comparison && (
        <div className="flex flex-col gap-3" data-testid="version-diff">
          <p className="text-sm">
            From {comparison.from.version} to {comparison.to.version}
          </p>
          {comparison.fields.length === 0 && <p className="text-sm">No field changed.</p>}
          {comparison.fields.map((f) => (
            <div key={f.field} className="rounded-lg p-2 ring-1 ring-zinc-200 dark:ring-zinc-800">
              <h3 className="text-sm font-semibold">{f.field}</h3>
              <DiffText parts={f.parts} />
            </div>
          ))}
          <div
            className="rounded-lg p-2 ring-1 ring-zinc-200 dark:ring-zinc-800"
            data-testid="version-diff-body"
          >
            <h3 className="text-sm font-semibold">Prompt</h3>
            {comparison.body.visible ? (
              comparison.body.parts.some((p) => p.op !== "same") ? (
                <DiffText parts={comparison.body.parts} />
              ) : (
                <p className="text-sm">The prompt did not change.</p>
              )
            ) : (
              <p className="text-sm">
                The prompt is part of a plan your account does not include: its changes are not shown. It went
                from {comparison.body.fromChars.toLocaleString("en")} to{" "}
                {comparison.body.toChars.toLocaleString("en")} characters (
                {signed(comparison.body.toChars - comparison.body.fromChars)}).
              </p>
            )}
          </div>
        </div>
      )}
    </section>
  );
}

const signed = (n: number) => (n > 0 ? `+${n.toLocaleString("en")}` : n.toLocaleString("en"));
