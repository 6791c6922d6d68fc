import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, count, desc, eq, isNull } from "drizzle-orm";
import { first } from "../dialect";
import type { Executor } from "../client";
import { moderationEvents, personaReports, roleChanges, userRoles, users } from "../schema";

type Role = "moderator";

export async function hasRole({ db, userId, role }: { db: Executor; userId: string; role: Role }) {
  const row = await db
    .select({ userId: userRoles.userId })
    .from(userRoles)
    .where(and(eq(userRoles.userId, userId), eq(userRoles.role, role)))
    .then(first);
  return Boolean(row);
}

/** Grants or revokes a role and records it; false when nothing changed (already so). */
export async function changeRole({
  db,
  userId,
  email,
  role,
  action,
  by,
}: {
  db: Executor;
  userId: string;
  email: string;
  role: Role;
  action: "grant" | "revoke";
  by: string;
}): Promise<boolean> {
  const changed =
    action === "grant"
      ? await db.insert(userRoles).values({ userId, role }).onConflictDoNothing().returning()
      : await db
          .delete(userRoles)
          .where(and(eq(userRoles.userId, userId), eq(userRoles.role, role)))
          .returning();
  if (changed.length === 0) return false;
  await db.insert(roleChanges).values({ id: randomUUID(), userId, email, role, action, by });
  return true;
}

export async function listRoleHolders({ db }: { db: Executor }) {
  return db
    .select({ email: users.email, role: userRoles.role, grantedAt: userRoles.grantedAt })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .orderBy(asc(users.email));
}

export async function listRoleChanges({ db, limit }: { db: Executor; limit: number }) {
  return db.select().from(roleChanges).orderBy(desc(roleChanges.createdAt)).limit(limit);
}

export async function insertModerationEvent({
  db,
  actorId,
  action,
  personaId = null,
  submissionId = null,
  reason = null,
}: {
  db: Executor;
  actorId: string;
  action: string;
  personaId?: string | null;
  submissionId?: string | null;
  reason?: string | null;
}) {
  await db
    .insert(moderationEvents)
    .values({ id: randomUUID(), actorId, action, personaId, submissionId, reason });
}

/** The newest audit events, with the acting moderator's email. */
export async function listModerationEvents({ db, limit }: { db: Executor; limit: number }) {
  return db
    .select({
      id: moderationEvents.id,
      action: moderationEvents.action,
      personaId: moderationEvents.personaId,
      submissionId: moderationEvents.submissionId,
      reason: moderationEvents.reason,
      createdAt: moderationEvents.createdAt,
      actor: users.email,
    })
    .from(moderationEvents)
    .leftJoin(users, eq(users.id, moderationEvents.actorId))
    .orderBy(desc(moderationEvents.createdAt))
    .limit(limit);
}

/** One report per person per persona: false when this person reported it already. */
export async function insertPersonaReport({
  db,
  personaId,
  userId,
  reason,
}: {
  db: Executor;
  personaId: string;
  userId: string;
  reason: string;
}): Promise<boolean> {
  const rows = await db
    .insert(personaReports)
    .values({ personaId, userId, reason })
    .onConflictDoNothing()
    .returning({ personaId: personaReports.personaId });
  return rows.length > 0;
}

/** Open reports, oldest first, with who reported. */
export async function listOpenReports({ db, limit }: { db: Executor; limit: number }) {
  return db
    .select({
      personaId: personaReports.personaId,
      reason: personaReports.reason,
      createdAt: personaReports.createdAt,
      reporter: users.email,
    })
    .from(personaReports)
    .innerJoin(users, eq(users.id, personaReports.userId))
    .where(isNull(personaReports.resolvedAt))
    .orderBy(asc(personaReports.createdAt))
    .limit(limit);
}

export async function resolveReports({ db, personaId }: { db: Executor; personaId: string }) {
  await db
    .update(personaReports)
    .set({ resolvedAt: new Date() })
    .where(and(eq(personaReports.personaId, personaId), isNull(personaReports.resolvedAt)));
}

export async function countOpenReports({ db }: { db: Executor }) {
  return (
    (
      await db
        .select({ n: count() })
        .from(personaReports)
        .where(isNull(personaReports.resolvedAt))
        .then(first)
    )?.n ?? 0
  );
}
