/** Whether a reply meets a check's expectations: pure, for the checks runner and its tests. */
import { CHECK_REGEX, type PersonaCheck } from "./schema";

/** Regular expressions are matched against at most this much of a reply (bounds a bad pattern's cost). */
export const MATCH_WINDOW = 8_000;

/** `/pattern/flags` as a regular expression; other text is found case-insensitively. */
export function expectationMatches(expectation: string, reply: string): boolean {
  const m = CHECK_REGEX.exec(expectation);
  if (!m) return reply.toLowerCase().includes(expectation.toLowerCase());
  return new RegExp(m[1]!, m[2]!.replace(/[gy]/g, "")).test(reply.slice(0, MATCH_WINDOW));
}

/** What a reply got wrong against one check, in words (empty: it passed). */
export function checkFailures(check: PersonaCheck, reply: string): string[] {
  const failures: string[] = [];
  for (const e of check.mustContain ?? [])
    if (!expectationMatches(e, reply)) failures.push(`does not contain ${e}`);
  for (const e of check.mustNotContain ?? [])
    if (expectationMatches(e, reply)) failures.push(`contains ${e}`);
  return failures;
}
