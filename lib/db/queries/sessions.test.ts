import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { openTestDatabase, type TestDatabase } from "@/testing/database";
import { sessions, users } from "../schema";
import { createSession, getLiveSession, revokeAllSessions, revokeSession } from "./sessions";
import { createUser } from "./users";

const HOUR = 3_600_000;

let database: TestDatabase;
let db: Db;

beforeEach(async () => {
  database = await openTestDatabase();
  db = database.db;
});

afterEach(async () => {
  await database.close();
});

let seq = 0;
async function addUser() {
  return (await createUser({ db, email: `session-${++seq}@example.com`, passwordHash: null }))!;
}

async function signIn(user: { id: string; sessionVersion: number }) {
  return await createSession({ db, userId: user.id, version: user.sessionVersion, maxAgeMs: HOUR });
}

const versionOf = async (userId: string) =>
  (await db
    .select()
    .from(users)
    .where(eq(users.id, userId))
    .then((rows) => rows[0]))!.sessionVersion;
const live = async (s: { id: string; userId: string }) =>
  await getLiveSession({ db, id: s.id, userId: s.userId });

describe("createSession", () => {
  it("makes an unguessable id and an expiry maxAge from now", async () => {
    const user = await addUser();
    const before = Date.now();
    const a = await signIn(user);
    const b = await signIn(user);
    expect(a.id).not.toBe(b.id);
    expect(a.id.length).toBeGreaterThanOrEqual(32);
    expect(a.expiresAt.getTime()).toBeGreaterThanOrEqual(before + HOUR);
    expect(a.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + HOUR);
    expect(a).toMatchObject({ userId: user.id, version: 0, revokedAt: null });
  });
});

describe("getLiveSession", () => {
  it("ends a session unused for idleMs; each use keeps it going", async () => {
    const user = await addUser();
    const session = await createSession({ db, userId: user.id, version: 0, maxAgeMs: 100 * HOUR });
    const born = session.createdAt.getTime();
    const at = (hours: number) => new Date(born + hours * HOUR);
    const use = (hours: number) =>
      getLiveSession({ db, id: session.id, userId: user.id, idleMs: 24 * HOUR, now: at(hours) });
    expect(await use(23)).toBeDefined();
    expect(await use(46)).toBeDefined(); // 23 h after the last use
    expect(await use(69.5)).toBeDefined(); // 23.5 h after the last use
    expect(await use(93.6)).toBeUndefined(); // 24.1 h unused: ended
    expect(await use(94)).toBeUndefined(); // and it stays ended
    const idle = await createSession({ db, userId: user.id, version: 0, maxAgeMs: 100 * HOUR });
    expect(
      await getLiveSession({ db, id: idle.id, userId: user.id, idleMs: 24 * HOUR, now: at(24.01) }),
    ).toBeUndefined();
  });

  it("returns a live session with its user", async () => {
    const user = await addUser();
    const session = await signIn(user);
    expect(await live(session)).toMatchObject({
      session: { id: session.id },
      user: { id: user.id, email: user.email },
    });
  });

  it("refuses an unknown id, or a session presented with another user's id", async () => {
    const user = await addUser();
    const other = await addUser();
    const session = await signIn(user);
    expect(await getLiveSession({ db, id: "no-such-session", userId: user.id })).toBeUndefined();
    expect(await getLiveSession({ db, id: session.id, userId: other.id })).toBeUndefined();
  });

  it("refuses a revoked session, and revoking one leaves the others", async () => {
    const user = await addUser();
    const a = await signIn(user);
    const b = await signIn(user);
    await revokeSession({ db, id: a.id });
    expect(await live(a)).toBeUndefined();
    expect(await live(b)).toBeDefined();
    const revokedAt = (await db
      .select()
      .from(sessions)
      .where(eq(sessions.id, a.id))
      .then((rows) => rows[0]))!.revokedAt;
    expect(revokedAt).toBeInstanceOf(Date);
    // Revoking again does not move the time it was revoked.
    await revokeSession({ db, id: a.id });
    expect(
      (await db
        .select()
        .from(sessions)
        .where(eq(sessions.id, a.id))
        .then((rows) => rows[0]))!.revokedAt,
    ).toEqual(revokedAt);
  });

  it("refuses an expired session", async () => {
    const user = await addUser();
    const session = await signIn(user);
    await db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, session.id));
    expect(await live(session)).toBeUndefined();
    const born = await createSession({ db, userId: user.id, version: 0, maxAgeMs: 0 });
    expect(await live(born)).toBeUndefined();
  });

  it("refuses a session from an older session version, even when it was never revoked", async () => {
    const user = await addUser();
    const session = await signIn(user);
    await db.update(users).set({ sessionVersion: 1 }).where(eq(users.id, user.id));
    expect(
      (await db
        .select()
        .from(sessions)
        .where(eq(sessions.id, session.id))
        .then((rows) => rows[0]))!.revokedAt,
    ).toBeNull();
    expect(await live(session)).toBeUndefined();
    expect(await live(await signIn({ id: user.id, sessionVersion: 1 }))).toBeDefined();
  });
});

describe("revokeAllSessions", () => {
  it("bumps the version, returns the new one, and ends every session of that user only", async () => {
    const user = await addUser();
    const other = await addUser();
    const mine = [await signIn(user), await signIn(user)];
    const theirs = await signIn(other);
    expect(await revokeAllSessions({ db, userId: user.id })).toBe(1);
    expect(await versionOf(user.id)).toBe(1);
    for (const s of mine) expect(await live(s)).toBeUndefined();
    expect(
      (await db.select().from(sessions).where(eq(sessions.userId, user.id))).every((s) => s.revokedAt),
    ).toBe(true);
    expect(await versionOf(other.id)).toBe(0);
    expect(await live(theirs)).toBeDefined();
  });

  it("a session started after it, at the new version, is live; the next call ends it too", async () => {
    const user = await addUser();
    await signIn(user);
    const version = await revokeAllSessions({ db, userId: user.id });
    const fresh = await signIn({ id: user.id, sessionVersion: version });
    expect(await live(fresh)).toBeDefined();
    expect(await revokeAllSessions({ db, userId: user.id })).toBe(2);
    expect(await live(fresh)).toBeUndefined();
  });

  it("a session created with a version read before the bump is dead on arrival", async () => {
    const user = await addUser();
    const stale = user.sessionVersion;
    await revokeAllSessions({ db, userId: user.id });
    expect(await live(await signIn({ id: user.id, sessionVersion: stale }))).toBeUndefined();
  });
});
