import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { withTier } from "@/lib/creators/draft";
import { lockKeys } from "@/lib/db/dialect";
import {
  bumpCatalogVersion,
  getCreatorPersona,
  setCreatorPersonaStatus,
  upsertCreatorPersona,
} from "@/lib/db/queries/creator-personas";
import { decideSubmission, getSubmission } from "@/lib/db/queries/creator-submissions";
import { updateDraftPersona } from "@/lib/db/queries/creators";
import { insertModerationEvent, resolveReports } from "@/lib/db/queries/moderation";
import { AppError } from "@/lib/errors";
import { getCatalog } from "@/lib/personas";
import { TIERS, type Tier } from "@/lib/personas/schema";
import { mayPublishAtTier } from "@/lib/tiers";
import { refreshCatalog } from "@/lib/creators/catalog-refresh";
import { requireModerator } from "./roles";

export const reasonSchema = z.string().trim().max(500, "The reason must be at most 500 characters.");
export const decisionSchema = z.discriminatedUnion("decision", [
  z.object({
    decision: z.literal("approve"),
    submissionId: z.string().uuid(),
    tier: z.enum(TIERS),
    reason: reasonSchema,
  }),
  z.object({
    decision: z.literal("reject"),
    submissionId: z.string().uuid(),
    reason: reasonSchema.min(1, "Say why it is rejected: the creator sees it."),
  }),
]);
export type Decision = z.infer<typeof decisionSchema>;

/**
 * A moderator's decision on a pending submission. Approving publishes its text at the tier the
 * moderator sets (never below a remix's original) in one transaction with the audit event and a new
 * catalog version, so every instance shows it within seconds; rejecting records the reason the
 * creator sees.
 */
export async function decide({
  db,
  moderatorId,
  decision,
}: {
  db: Db;
  moderatorId: string;
  decision: Decision;
}) {
  await requireModerator({ db, userId: moderatorId });
  const submission = await getSubmission({ db, id: decision.submissionId });
  if (!submission) throw new AppError("not_found", "No such submission.");
  if (submission.status !== "pending") throw new AppError("conflict", "This submission was decided already.");
  const reason = decision.reason || null;
  if (decision.decision === "reject") {
    await db.transaction(
      async (tx) => {
        if (!(await decideSubmission({ db: tx, id: submission.id, status: "rejected", reason, moderatorId })))
          throw new AppError("conflict", "This submission was decided already.");
        await insertModerationEvent({
          db: tx,
          actorId: moderatorId,
          action: "submission.rejected",
          personaId: submission.personaId,
          submissionId: submission.id,
          reason,
        });
      },
      { behavior: "immediate" },
    );
    return { status: "rejected" as const };
  }

  const origin = submission.remixOf ? getCatalog().byId.get(submission.remixOf) : undefined;
  const floor: Tier = origin?.tier ?? "free";
  if (!mayPublishAtTier({ tier: decision.tier, byModerator: true, floor }))
    throw new AppError("bad_request", `A remix of a ${floor} persona cannot be published below ${floor}.`);
  const text = withTier(submission.text, decision.tier);
  await db.transaction(
    async (tx) => {
      await lockKeys(tx, [`persona:${submission.personaId}`]);
      if (
        !(await decideSubmission({
          db: tx,
          id: submission.id,
          status: "approved",
          reason,
          moderatorId,
          text,
        }))
      )
        throw new AppError("conflict", "This submission was decided already.");
      const previous = await getCreatorPersona({ db: tx, id: submission.personaId });
      await upsertCreatorPersona({
        db: tx,
        persona: {
          id: submission.personaId,
          userId: submission.userId,
          text,
          version: submission.version,
          tier: decision.tier,
          status: "published",
          remixOf: previous?.remixOf ?? submission.remixOf,
          remixOfVersion: previous?.remixOfVersion ?? submission.remixOfVersion,
          pictureId: submission.pictureId,
          submissionId: submission.id,
        },
      });
      if (submission.draftId)
        await updateDraftPersona({ db: tx, id: submission.draftId, personaId: submission.personaId });
      await insertModerationEvent({
        db: tx,
        actorId: moderatorId,
        action: `submission.approved:${decision.tier}`,
        personaId: submission.personaId,
        submissionId: submission.id,
        reason,
      });
      await bumpCatalogVersion({ db: tx });
    },
    { behavior: "immediate" },
  );
  await refreshCatalog({ db });
  return { status: "approved" as const };
}

/** Takes a creator persona out of the catalog; its conversations stay readable, read-only. */
export async function unpublish({
  db,
  moderatorId,
  personaId,
  reason,
}: {
  db: Db;
  moderatorId: string;
  personaId: string;
  reason: string;
}) {
  await requireModerator({ db, userId: moderatorId });
  const row = await getCreatorPersona({ db, id: personaId });
  if (!row || row.status !== "published")
    throw new AppError("not_found", "No published creator persona has that id.");
  await db.transaction(
    async (tx) => {
      await setCreatorPersonaStatus({ db: tx, id: personaId, status: "unpublished" });
      await resolveReports({ db: tx, personaId });
      await insertModerationEvent({
        db: tx,
        actorId: moderatorId,
        action: "persona.unpublished",
        personaId,
        reason,
      });
      await bumpCatalogVersion({ db: tx });
    },
    { behavior: "immediate" },
  );
  await refreshCatalog({ db });
}
