import type { CheckOutcome } from "@/lib/personas/checks";
import type { CheckRunView, ChecksSummary } from "@/lib/personas/checks-view";

const STATUS: Record<CheckOutcome["status"], { label: string; style: string }> = {
  passed: { label: "Passed", style: "text-emerald-800 dark:text-emerald-300" },
  failed: { label: "Failed", style: "text-red-800 dark:text-red-300" },
  error: { label: "Error", style: "text-amber-800 dark:text-amber-300" },
  not_run: { label: "Not run", style: "text-zinc-700 dark:text-zinc-300" },
};

const day = (iso: string) => iso.slice(0, 10);

/** A run of a persona's checks for its creator: each message, its outcome and what went wrong. */
export function CheckRunReport({ run }: { run: CheckRunView }) {
  return (
    <section aria-label="Checks report" data-testid="checks-report" className="flex flex-col gap-2 text-sm">
      <p className="font-semibold">
        {run.model
          ? `Passes ${run.passed} of ${run.total} checks (${run.model}, ${day(run.ranAt)})`
          : `Checks not run: no model configured (${day(run.ranAt)})`}
      </p>
      <ul className="flex flex-col gap-1">
        {run.results.map((r, i) => (
          <li key={i} data-testid="check-result" data-status={r.status}>
            <span className={`font-semibold ${STATUS[r.status].style}`}>{STATUS[r.status].label}</span>:{" "}
            <q>{r.message}</q>
            {r.notes.length > 0 && ` — ${r.notes.join("; ")}`}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The persona page's line on its checks. */
export function ChecksSummaryLine({ summary }: { summary: ChecksSummary }) {
  return (
    <p className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="checks-summary">
      {summary.state === "passes" &&
        `Passes ${summary.passed} of ${summary.total} checks (${day(summary.ranAt)}, ${summary.model})`}
      {summary.state === "no_model" &&
        `${summary.total} checks not run: no model configured (${day(summary.ranAt)})`}
      {summary.state === "not_run" && `${summary.total} checks, not run yet`}
    </p>
  );
}
