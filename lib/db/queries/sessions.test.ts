import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../client";
import { sessions, users } from "../schema";
import { createSession, getLiveSession, revokeAllSessions, revokeSession } from "./sessions";
import { createUser } from "./users";

const HOUR = 3_600_000;

let dir: string;
let db: Db;
let close: () => void;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sessions-"));
  const opened = openDatabase(path.join(dir, "test.db"));
  db = opened.db;
  close = () => opened.sqlite.close();
});

afterEach(() => {
  close();
  fs.rmSync(dir, { recursive: true, force: true });
});

let seq = 0;
function addUser() {
  return createUser({ db, email: `session-${++seq}@example.com`, passwordHash: null })!;
}

function signIn(user: { id: string; sessionVersion: number }) {
  return createSession({ db, userId: user.id, version: user.sessionVersion, maxAgeMs: HOUR });
}

const versionOf = (userId: string) =>
  db.select().from(users).where(eq(users.id, userId)).get()!.sessionVersion;
const live = (s: { id: string; userId: string }) => getLiveSession({ db, id: s.id, userId: s.userId });

describe("createSession", () => {
  it("makes an unguessable id and an expiry maxAge from now", () => {
    const user = addUser();
    const before = Date.now();
    const a = signIn(user);
    const b = signIn(user);
    expect(a.id).not.toBe(b.id);
    expect(a.id.length).toBeGreaterThanOrEqual(32);
    expect(a.expiresAt.getTime()).toBeGreaterThanOrEqual(before + HOUR);
    expect(a.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + HOUR);
    expect(a).toMatchObject({ userId: user.id, version: 0, revokedAt: null });
  });
});

describe("getLiveSession", () => {
  it("returns a live session with its user", () => {
    const user = addUser();
    const session = signIn(user);
    expect(live(session)).toMatchObject({
      session: { id: session.id },
      user: { id: user.id, email: user.email },
    });
  });

  it("refuses an unknown id, or a session presented with another user's id", () => {
    const user = addUser();
    const other = addUser();
    const session = signIn(user);
    expect(getLiveSession({ db, id: "no-such-session", userId: user.id })).toBeUndefined();
    expect(getLiveSession({ db, id: session.id, userId: other.id })).toBeUndefined();
  });

  it("refuses a revoked session, and revoking one leaves the others", () => {
    const user = addUser();
    const a = signIn(user);
    const b = signIn(user);
    revokeSession({ db, id: a.id });
    expect(live(a)).toBeUndefined();
    expect(live(b)).toBeDefined();
    const revokedAt = db.select().from(sessions).where(eq(sessions.id, a.id)).get()!.revokedAt;
    expect(revokedAt).toBeInstanceOf(Date);
    // Revoking again does not move the time it was revoked.
    revokeSession({ db, id: a.id });
    expect(db.select().from(sessions).where(eq(sessions.id, a.id)).get()!.revokedAt).toEqual(revokedAt);
  });

  it("refuses an expired session", () => {
    const user = addUser();
    const session = signIn(user);
    db.update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, session.id))
      .run();
    expect(live(session)).toBeUndefined();
    const born = createSession({ db, userId: user.id, version: 0, maxAgeMs: 0 });
    expect(live(born)).toBeUndefined();
  });

  it("refuses a session from an older session version, even when it was never revoked", () => {
    const user = addUser();
    const session = signIn(user);
    db.update(users).set({ sessionVersion: 1 }).where(eq(users.id, user.id)).run();
    expect(db.select().from(sessions).where(eq(sessions.id, session.id)).get()!.revokedAt).toBeNull();
    expect(live(session)).toBeUndefined();
    expect(live(signIn({ id: user.id, sessionVersion: 1 }))).toBeDefined();
  });
});

describe("revokeAllSessions", () => {
  it("bumps the version, returns the new one, and ends every session of that user only", () => {
    const user = addUser();
    const other = addUser();
    const mine = [signIn(user), signIn(user)];
    const theirs = signIn(other);
    expect(revokeAllSessions({ db, userId: user.id })).toBe(1);
    expect(versionOf(user.id)).toBe(1);
    for (const s of mine) expect(live(s)).toBeUndefined();
    expect(
      db
        .select()
        .from(sessions)
        .where(eq(sessions.userId, user.id))
        .all()
        .every((s) => s.revokedAt),
    ).toBe(true);
    expect(versionOf(other.id)).toBe(0);
    expect(live(theirs)).toBeDefined();
  });

  it("a session started after it, at the new version, is live; the next call ends it too", () => {
    const user = addUser();
    signIn(user);
    const version = revokeAllSessions({ db, userId: user.id });
    const fresh = signIn({ id: user.id, sessionVersion: version });
    expect(live(fresh)).toBeDefined();
    expect(revokeAllSessions({ db, userId: user.id })).toBe(2);
    expect(live(fresh)).toBeUndefined();
  });

  it("a session created with a version read before the bump is dead on arrival", () => {
    const user = addUser();
    const stale = user.sessionVersion;
    revokeAllSessions({ db, userId: user.id });
    expect(live(signIn({ id: user.id, sessionVersion: stale }))).toBeUndefined();
  });
});
