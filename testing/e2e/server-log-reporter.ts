import fs from "node:fs";
import type { Reporter, TestCase, TestResult } from "@playwright/test/reporter";

/** Where playwright.config.ts has the app server write its log (one JSON line each, pino's `time`). */
export const SERVER_LOG = ".data/e2e-server.log";
const MAX_LINES = 200;
const SLACK_MS = 1_000;

/**
 * The app server's log, shown only for a test that failed: the lines written while it ran (with a
 * second either side; tests running beside it in other workers may add theirs). A passing run
 * prints none of the thousands of request lines.
 */
export default class ServerLogReporter implements Reporter {
  private failed: { title: string; from: number; to: number }[] = [];

  onTestEnd(test: TestCase, result: TestResult) {
    if (result.status === "passed" || result.status === "skipped" || result.status === test.expectedStatus)
      return;
    const from = result.startTime.getTime() - SLACK_MS;
    this.failed.push({
      title: test.titlePath().filter(Boolean).join(" › "),
      from,
      to: from + result.duration + 2 * SLACK_MS,
    });
  }

  onEnd() {
    if (this.failed.length === 0 || !fs.existsSync(SERVER_LOG)) return;
    const lines = fs.readFileSync(SERVER_LOG, "utf8").split("\n");
    for (const { title, from, to } of this.failed) {
      const during = lines.filter((line) => {
        const time = /"time":"([^"]+)"/.exec(line)?.[1];
        const at = time ? Date.parse(time) : NaN;
        return at >= from && at <= to;
      });
      console.log(
        `\nServer log while "${title}" ran (${during.length} lines${during.length > MAX_LINES ? `, the last ${MAX_LINES}` : ""}):`,
      );
      for (const line of during.slice(-MAX_LINES)) console.log(`  ${line}`);
    }
  }

  printsToStdio() {
    return false;
  }
}
