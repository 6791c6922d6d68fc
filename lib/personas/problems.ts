/** One thing wrong with one content file, printed as `file: field: reason`. */
export type ContentProblem = { file: string; field: string; reason: string };

export const formatProblem = (p: ContentProblem) => `${p.file}: ${p.field}: ${p.reason}`;

export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(
      `${problems.length} problem(s) in persona content:\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join("\n"),
    );
    this.name = "ContentError";
  }
}
