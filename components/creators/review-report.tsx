import type { ReviewReport } from "@/lib/creators/review/types";

const VERDICTS: Record<ReviewReport["verdict"], { label: string; style: string }> = {
  refused: {
    label: "Refused: fix what is listed and submit again",
    style: "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100",
  },
  needs_moderator: {
    label: "Needs a moderator: a person will look at what is flagged",
    style:
      "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100",
  },
  clean: {
    label: "Clean: waiting for a moderator to publish it",
    style:
      "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100",
  },
};

const LEVELS = { refuse: "Refused", flag: "Flagged", info: "Note" } as const;

/** The automated review's verdict and findings, in words a person understands. */
export function ReviewReportView({ report }: { report: ReviewReport }) {
  const verdict = VERDICTS[report.verdict];
  return (
    <section aria-label="Review report" data-testid="review-report" data-verdict={report.verdict}>
      <p className={`rounded-lg border p-3 text-sm font-semibold ${verdict.style}`}>{verdict.label}</p>
      {report.findings.length > 0 && (
        <ul className="mt-2 flex flex-col gap-1 text-sm">
          {report.findings.map((f, i) => (
            <li key={i} data-testid="review-finding" data-level={f.level} data-rule={f.rule}>
              <span className="font-semibold">{LEVELS[f.level]}</span> ({f.rule}
              {f.line !== undefined && `, line ${f.line}`}
              {f.field && `, ${f.field}`}): {f.message}
              {f.matchedId && (
                <>
                  {" "}
                  — matches{" "}
                  <a className="underline" href={`/personas/${f.matchedId}`}>
                    {f.matchedId}
                  </a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
