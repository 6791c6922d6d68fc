import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { first, inserted } from "../dialect";
import type { Executor } from "../client";
import { prepared } from "../prepared";
import { sessions, users, type Session, type User } from "../schema";

export async function createSession({
  db,
  userId,
  version,
  maxAgeMs,
}: {
  db: Executor;
  userId: string;
  version: number;
  maxAgeMs: number;
}): Promise<Session> {
  return db
    .insert(sessions)
    .values({
      id: randomBytes(24).toString("base64url"),
      userId,
      version,
      expiresAt: new Date(Date.now() + maxAgeMs),
    })
    .returning()
    .then(inserted);
}

export type LiveSession = Pick<Session, "id" | "version" | "expiresAt" | "createdAt" | "lastSeenAt">;
export type SessionUser = Pick<
  User,
  "id" | "email" | "name" | "tier" | "tierSince" | "tierSource" | "sessionVersion" | "isGuest"
>;

/** Only what a request needs of the two rows (not the password hash): asked on every request. */
const liveSessionQuery = prepared("live_session", (db) =>
  db
    .select({
      session: {
        id: sessions.id,
        version: sessions.version,
        expiresAt: sessions.expiresAt,
        createdAt: sessions.createdAt,
        lastSeenAt: sessions.lastSeenAt,
      },
      user: {
        id: users.id,
        email: users.email,
        name: users.name,
        tier: users.tier,
        tierSince: users.tierSince,
        tierSource: users.tierSource,
        sessionVersion: users.sessionVersion,
        isGuest: users.isGuest,
      },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sql.placeholder("id")),
        eq(sessions.userId, sql.placeholder("userId")),
        isNull(sessions.revokedAt),
      ),
    ),
);

/**
 * The session and its user, if the session is live: not revoked, not expired, not from an older
 * version, and (given idleMs) used within the last idleMs. A use is written at most once per
 * idleMs/48 (half an hour for a day), not on every request.
 */
export async function getLiveSession({
  db,
  id,
  userId,
  idleMs,
  now = new Date(),
}: {
  db: Executor;
  id: string;
  userId: string;
  idleMs?: number;
  now?: Date;
}): Promise<{ session: LiveSession; user: SessionUser } | undefined> {
  const row = first(await liveSessionQuery(db).execute({ id, userId }));
  if (!row) return undefined;
  if (row.session.expiresAt.getTime() <= now.getTime()) return undefined;
  if (row.session.version !== row.user.sessionVersion) return undefined;
  if (idleMs !== undefined) {
    const seen = (row.session.lastSeenAt ?? row.session.createdAt).getTime();
    if (seen <= now.getTime() - idleMs) return undefined;
    if (seen <= now.getTime() - idleMs / 48) {
      await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
      row.session.lastSeenAt = now;
    }
  }
  return row;
}

export async function revokeSession({ db, id }: { db: Executor; id: string }) {
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
}

/** Ends every session of a user at once: bumps the version every session cookie carries. */
export async function revokeAllSessions({ db, userId }: { db: Executor; userId: string }): Promise<number> {
  return db.transaction(async (tx) => {
    await tx
      .update(sessions)
      .set({ revokedAt: new Date() })
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
    const row = await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId))
      .returning({ version: users.sessionVersion })
      .then(first);
    return row?.version ?? 0;
  });
}
