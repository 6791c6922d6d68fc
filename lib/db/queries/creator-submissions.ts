import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, count, desc, eq, gte } from "drizzle-orm";
import { first } from "../dialect";
import type { Executor } from "../client";
import { creatorSubmissions, type CreatorSubmission } from "../schema";

export type NewSubmission = Omit<
  CreatorSubmission,
  "id" | "createdAt" | "decisionReason" | "decidedBy" | "decidedAt"
>;

export async function insertSubmission({
  db,
  submission,
}: {
  db: Executor;
  submission: NewSubmission;
}): Promise<CreatorSubmission> {
  const [row] = await db
    .insert(creatorSubmissions)
    .values({ id: randomUUID(), ...submission })
    .returning();
  return row!;
}

export async function getSubmission({ db, id }: { db: Executor; id: string }) {
  return db.select().from(creatorSubmissions).where(eq(creatorSubmissions.id, id)).then(first);
}

/** A submission of this persona waiting for a moderator, if there is one. */
export async function pendingSubmissionFor({ db, personaId }: { db: Executor; personaId: string }) {
  return db
    .select({ id: creatorSubmissions.id })
    .from(creatorSubmissions)
    .where(and(eq(creatorSubmissions.personaId, personaId), eq(creatorSubmissions.status, "pending")))
    .then(first);
}

export async function listPendingSubmissions({ db, limit }: { db: Executor; limit: number }) {
  return db
    .select()
    .from(creatorSubmissions)
    .where(eq(creatorSubmissions.status, "pending"))
    .orderBy(asc(creatorSubmissions.createdAt))
    .limit(limit);
}

/** The user's submissions, newest first. */
export async function listUserSubmissions({
  db,
  userId,
  limit,
}: {
  db: Executor;
  userId: string;
  limit: number;
}) {
  return db
    .select()
    .from(creatorSubmissions)
    .where(eq(creatorSubmissions.userId, userId))
    .orderBy(desc(creatorSubmissions.createdAt))
    .limit(limit);
}

/** The latest submission made from a draft, if any. */
export async function latestSubmissionForDraft({
  db,
  draftId,
  userId,
}: {
  db: Executor;
  draftId: string;
  userId: string;
}) {
  return db
    .select()
    .from(creatorSubmissions)
    .where(and(eq(creatorSubmissions.draftId, draftId), eq(creatorSubmissions.userId, userId)))
    .orderBy(desc(creatorSubmissions.createdAt))
    .limit(1)
    .then(first);
}

export async function countSubmissionsSince({
  db,
  userId,
  since,
}: {
  db: Executor;
  userId: string;
  since: Date;
}) {
  return (
    (
      await db
        .select({ n: count() })
        .from(creatorSubmissions)
        .where(and(eq(creatorSubmissions.userId, userId), gte(creatorSubmissions.createdAt, since)))
        .then(first)
    )?.n ?? 0
  );
}

/**
 * Decides a pending submission; false when it was not pending any more (another moderator was
 * first), so a decision is taken once.
 */
export async function decideSubmission({
  db,
  id,
  status,
  reason,
  moderatorId,
  text,
}: {
  db: Executor;
  id: string;
  status: "approved" | "rejected";
  reason: string | null;
  moderatorId: string;
  text?: string;
}): Promise<boolean> {
  const rows = await db
    .update(creatorSubmissions)
    .set({
      status,
      decisionReason: reason,
      decidedBy: moderatorId,
      decidedAt: new Date(),
      ...(text !== undefined && { text }),
    })
    .where(and(eq(creatorSubmissions.id, id), eq(creatorSubmissions.status, "pending")))
    .returning({ id: creatorSubmissions.id });
  return rows.length > 0;
}
