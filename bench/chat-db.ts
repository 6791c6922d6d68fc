/** The chat benchmark's own database work: seeding signed-in users, counting messages and commits. */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { encode } from "next-auth/jwt";
import { sessions, users } from "../lib/db/schema-sqlite";

/**
 * Commits to the database so far: the wal-index header's change counter (`iChange`, the u32 at
 * byte 8 of the -shm file, native byte order), which SQLite bumps once per committed write
 * transaction, whichever connection made it. Null when the database is not in WAL mode.
 */
export function walCommitCounter(dbPath: string): number | null {
  let fd: number;
  try {
    fd = fs.openSync(`${dbPath}-shm`, "r");
  } catch {
    return null;
  }
  try {
    const header = Buffer.alloc(12);
    if (fs.readSync(fd, header, 0, 12, 0) < 12) return null;
    return os.endianness() === "LE" ? header.readUInt32LE(8) : header.readUInt32BE(8);
  } finally {
    fs.closeSync(fd);
  }
}

/** Signed-in max-tier users, one per client, made the way sign-up and `npm run tier -- grant … max` would leave them. */
export async function seedUsers(dbPath: string, secret: string, count: number): Promise<string[]> {
  const sqlite = new Database(dbPath);
  sqlite.pragma("busy_timeout = 5000");
  try {
    const db = drizzle(sqlite);
    const stamp = Date.now().toString(36);
    const rows = Array.from({ length: count }, (_, i) => ({
      user: {
        id: crypto.randomUUID(),
        email: `bench-${stamp}-${i}@bench.invalid`,
        name: `Bench ${i}`,
        tier: "max" as const,
        tierSource: "operator" as const,
      },
      sessionId: crypto.randomBytes(24).toString("base64url"),
    }));
    // better-sqlite3's transactions are synchronous: the callback must not be async.
    db.transaction((tx) => {
      for (const { user, sessionId } of rows) {
        tx.insert(users).values(user).run();
        tx.insert(sessions)
          .values({
            id: sessionId,
            userId: user.id,
            version: 0,
            expiresAt: new Date(Date.now() + 24 * 3600_000),
          })
          .run();
      }
    });
    return await Promise.all(
      rows.map(async ({ user, sessionId }) => {
        const token = { name: user.name, email: user.email, sub: user.id, uid: user.id, sid: sessionId };
        return `next-auth.session-token=${await encode({ token, secret, maxAge: 24 * 3600 })}`;
      }),
    );
  } finally {
    sqlite.close();
  }
}

export function countMessages(dbPath: string): number {
  const sqlite = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return (sqlite.prepare("SELECT count(*) AS n FROM messages").get() as { n: number }).n;
  } finally {
    sqlite.close();
  }
}
