export type ReviewLevel = "refuse" | "flag" | "info";

/** One reason in a review report, written for the creator and the moderator to read. */
export type ReviewFinding = {
  rule: string;
  level: ReviewLevel;
  message: string;
  /** 1-based line in the persona file. */
  line?: number;
  /** A front matter field such as `tags.2`, or `body`. */
  field?: string;
  /** The published persona a near-duplicate matched. */
  matchedId?: string;
};

export type ReviewReport = { verdict: "refused" | "needs_moderator" | "clean"; findings: ReviewFinding[] };

/** What the review needs of a published persona. */
export type PublishedPersonaRef = { id: string; name: string; body: string; description: string };
