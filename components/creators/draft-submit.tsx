import type { ReviewReport } from "@/lib/creators/review/types";
import { ReviewReportView } from "./review-report";

/**
 * The editor's foot: an error, Submit and Download, the latest submission's status (with the
 * moderator's reason), the review report, and the checks running after a submit (or their report).
 */
export function DraftSubmit({
  message,
  busy,
  onSubmit,
  draftId,
  status,
  decision,
  report,
  checksRunning,
  checksReport,
}: {
  message: string | null;
  busy: boolean;
  onSubmit: () => void;
  draftId: string | null;
  status: string | null;
  /** The moderator's reason, when the status shown is their decision. */
  decision: string | null;
  report: ReviewReport | null;
  /** Checks started by the submit just made; null when none was made on this page. */
  checksRunning: number | null;
  checksReport?: React.ReactNode;
}) {
  return (
    <>
      {message && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {message}
        </p>
      )}
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          onClick={onSubmit}
          disabled={busy}
          className="rounded-xl bg-indigo-600 px-5 py-2.5 font-semibold text-white hover:bg-indigo-700 disabled:opacity-60"
        >
          Submit for review
        </button>
        {draftId && (
          <a
            href={`/api/studio/drafts/${draftId}/file`}
            className="rounded-xl border px-5 py-2.5 font-semibold"
            download
          >
            Download as file
          </a>
        )}
      </div>
      {status && (
        <p className="text-sm" data-testid="submission-status">
          Latest submission: <strong>{status}</strong>
          {decision && ` — ${decision}`}
        </p>
      )}
      {report && <ReviewReportView report={report} />}
      {checksRunning === null
        ? checksReport
        : checksRunning > 0 && (
            <p className="text-sm" data-testid="checks-running">
              Your {checksRunning === 1 ? "check is" : `${checksRunning} checks are`} running against the
              model: reload this page in a minute to see the report.
            </p>
          )}
    </>
  );
}
