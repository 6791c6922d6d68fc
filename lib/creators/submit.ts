import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { lockKeys } from "@/lib/db/dialect";
import { getCreatorPersona } from "@/lib/db/queries/creator-personas";
import {
  countSubmissionsSince,
  insertSubmission,
  pendingSubmissionFor,
} from "@/lib/db/queries/creator-submissions";
import { getDraft } from "@/lib/db/queries/creators";
import { AppError } from "@/lib/errors";
import { getCatalog } from "@/lib/personas";
import type { Catalog } from "@/lib/personas/catalog";
import type { Tier } from "@/lib/personas/schema";
import { CREATOR_LIMITS, lowestRemixTier } from "@/lib/tiers";
import { draftToPersonaFile, readDraftFields } from "./draft";
import { creatorPersonaId, slugSchema } from "./ids";
import { startOfUtcDay, today } from "./limits";
import { reviewPersonaFile, type PublishedPersonaRef, type ReviewReport } from "./review";
import { compareSemver } from "./semver";
import { requireHandle } from "./studio";

const changelogSchema = z
  .string()
  .trim()
  .min(1, "Write one line on what changed in this version (the changelog).")
  .max(300, "The changelog line must be at most 300 characters.");

export type SubmitResult = {
  submissionId: string;
  personaId: string;
  status: "refused" | "pending";
  report: ReviewReport;
  /** How many checks the submitted persona carries (they run after the answer, when it is pending). */
  checks: number;
};

/**
 * Sends the user's draft for publication: it becomes persona-file text, the automated review runs
 * and its report is stored with it. Refused reports end there; the rest wait for a moderator. The
 * version must be above the one published, with a changelog line; one pending submission per persona.
 */
export async function submitDraft({
  db,
  userId,
  draftId,
}: {
  db: Db;
  userId: string;
  draftId: string;
}): Promise<SubmitResult> {
  const handle = await requireHandle({ db, userId });
  const draft = await getDraft({ db, id: draftId, userId });
  if (!draft) throw new AppError("not_found", "No such draft.");
  const fields = readDraftFields(draft.fields);
  const slug = slugSchema.safeParse(fields.slug);
  if (!slug.success) throw new AppError("bad_request", `Address: ${slug.error.issues[0]!.message}.`);
  const personaId = draft.personaId ?? creatorPersonaId(handle, slug.data);
  const changelog = changelogSchema.safeParse(fields.changelog);
  if (!changelog.success) throw new AppError("bad_request", changelog.error.issues[0]!.message);

  const previous = await getCreatorPersona({ db, id: personaId });
  if (previous && previous.userId !== userId)
    throw new AppError("conflict", "That address belongs to another persona: choose another.");
  if (!draft.personaId && previous)
    throw new AppError(
      "conflict",
      `You have published "${personaId}" already: edit it from the studio list.`,
    );
  if (
    previous &&
    /^\d+\.\d+\.\d+/.test(fields.version) &&
    compareSemver(fields.version, previous.version) <= 0
  )
    throw new AppError(
      "bad_request",
      `The version must be above the published ${previous.version} (for example ${bump(previous.version)}).`,
    );

  const catalog = getCatalog();
  const origin = draft.remixOf ? catalog.byId.get(draft.remixOf) : undefined;
  const tier: Tier = previous?.tier ?? (origin ? lowestRemixTier(origin.tier) : "free");
  const published = catalog.byId.get(personaId)?.published ?? today();
  const text = draftToPersonaFile(fields, { handle, tier, published });
  const report = reviewPersonaFile({
    fileName: `${personaId}.md`,
    text,
    published: publishedRefs(catalog),
    knownIds: new Set(catalog.byId.keys()),
    ...(draft.remixOf && { remixOf: draft.remixOf }),
  });
  const status = report.verdict === "refused" ? "refused" : "pending";
  // The checks and the insert are one step: two submits at once cannot both be pending.
  const row = await db.transaction(
    async (tx) => {
      await lockKeys(tx, [`submit:${personaId}`, `submit-user:${userId}`]);
      if (await pendingSubmissionFor({ db: tx, personaId }))
        throw new AppError(
          "conflict",
          "This persona already has a submission waiting for a moderator. You can submit again once it is decided.",
        );
      const sent = await countSubmissionsSince({ db: tx, userId, since: startOfUtcDay() });
      if (sent >= CREATOR_LIMITS.submissionsPerDay)
        throw new AppError(
          "rate_limited",
          `You have submitted ${CREATOR_LIMITS.submissionsPerDay} times today, the daily limit. Try again tomorrow.`,
        );
      return insertSubmission({
        db: tx,
        submission: {
          draftId,
          userId,
          personaId,
          version: fields.version,
          changelog: changelog.data,
          text,
          requestedTier: fields.requestedTier,
          verdict: report.verdict,
          report: JSON.stringify(report),
          status,
          remixOf: draft.remixOf,
          remixOfVersion: draft.remixOfVersion,
          pictureId: fields.pictureId,
        },
      });
    },
    { behavior: "immediate" },
  );
  return { submissionId: row.id, personaId, status, report, checks: fields.checks.length };
}

/**
 * The catalog's personas as the review compares against, one list per catalog: the review keeps
 * its near-duplicate index per list, so it is built once per catalog version, not per submission.
 */
const refsByCatalog = new WeakMap<Catalog, PublishedPersonaRef[]>();
function publishedRefs(catalog: Catalog): PublishedPersonaRef[] {
  let refs = refsByCatalog.get(catalog);
  if (!refs)
    refsByCatalog.set(
      catalog,
      (refs = catalog.all.map((p) => ({ id: p.id, name: p.name, body: p.body, description: p.description }))),
    );
  return refs;
}

function bump(version: string) {
  const [major = "1", minor = "0"] = version.split(".");
  return `${major}.${Number(minor) + 1}.0`;
}

const reportSchema = z.object({
  verdict: z.enum(["refused", "needs_moderator", "clean"]),
  findings: z.array(
    z.object({
      rule: z.string(),
      level: z.enum(["refuse", "flag", "info"]),
      message: z.string(),
      line: z.number().optional(),
      field: z.string().optional(),
      matchedId: z.string().optional(),
    }),
  ),
});

/** A stored report, or one that sends the submission to a moderator if it cannot be read. */
export function readReport(json: string): ReviewReport {
  try {
    const parsed = reportSchema.safeParse(JSON.parse(json));
    if (parsed.success) return parsed.data;
  } catch {
    // falls through
  }
  return { verdict: "needs_moderator", findings: [] };
}
