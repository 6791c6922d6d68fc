import { parsePersonaFile } from "@/lib/personas/parse";

/*
 * The automated review's interface (lib/creators/review, built beside this): until it lands, this
 * call site runs the content checks alone, so a submission still gets a report with a verdict.
 */
export type ReviewFinding = {
  rule: string;
  level: "refuse" | "flag" | "info";
  message: string;
  line?: number;
  field?: string;
  matchedId?: string;
};
export type ReviewReport = { verdict: "refused" | "needs_moderator" | "clean"; findings: ReviewFinding[] };
export type PublishedPersonaRef = { id: string; name: string; body: string; description: string };

export function reviewPersonaFile(input: {
  fileName: string;
  text: string;
  published: ReadonlyArray<PublishedPersonaRef>;
  knownIds: ReadonlySet<string>;
}): ReviewReport {
  const parsed = parsePersonaFile(input.fileName, Buffer.from(input.text, "utf8"));
  const findings: ReviewFinding[] = parsed.problems.map((p) => ({
    rule: "content-check",
    level: "refuse",
    field: p.field,
    message: `${p.field}: ${p.reason}`,
  }));
  for (const [i, target] of (parsed.persona?.worksWellWith ?? []).entries())
    if (!input.knownIds.has(target))
      findings.push({
        rule: "content-check",
        level: "refuse",
        field: `worksWellWith.${i}`,
        message: `worksWellWith.${i}: no persona has the id "${target}"`,
      });
  return { verdict: findings.length ? "refused" : "clean", findings };
}
