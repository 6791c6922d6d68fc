import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { sessions, users, type Session, type User } from "../schema";

export function createSession({
  db,
  userId,
  version,
  maxAgeMs,
}: {
  db: Executor;
  userId: string;
  version: number;
  maxAgeMs: number;
}): Session {
  return db
    .insert(sessions)
    .values({
      id: randomBytes(24).toString("base64url"),
      userId,
      version,
      expiresAt: new Date(Date.now() + maxAgeMs),
    })
    .returning()
    .get();
}

/** The session and its user, if the session is live: not revoked, not expired, not from an older version. */
export function getLiveSession({
  db,
  id,
  userId,
}: {
  db: Executor;
  id: string;
  userId: string;
}): { session: Session; user: User } | undefined {
  const row = db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .get();
  if (!row) return undefined;
  if (row.session.expiresAt.getTime() <= Date.now()) return undefined;
  if (row.session.version !== row.user.sessionVersion) return undefined;
  return row;
}

export function revokeSession({ db, id }: { db: Executor; id: string }) {
  db.update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)))
    .run();
}

/** Ends every session of a user at once: bumps the version every session cookie carries. */
export function revokeAllSessions({ db, userId }: { db: Executor; userId: string }): number {
  return db.transaction((tx) => {
    tx.update(sessions)
      .set({ revokedAt: new Date() })
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
      .run();
    const row = tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId))
      .returning({ version: users.sessionVersion })
      .get();
    return row?.version ?? 0;
  });
}
