import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { accounts, users, type User } from "../schema";

export function getUserById({ db, id }: { db: Executor; id: string }): User | undefined {
  return db.select().from(users).where(eq(users.id, id)).get();
}

export function getUserByEmail({ db, email }: { db: Executor; email: string }): User | undefined {
  return db.select().from(users).where(eq(users.email, email)).get();
}

/** Inserts a user; returns undefined when the email is taken (the unique index decides, not a race). */
export function createUser({
  db,
  email,
  passwordHash,
  name = null,
}: {
  db: Executor;
  email: string;
  passwordHash: string | null;
  name?: string | null;
}): User | undefined {
  return db
    .insert(users)
    .values({ id: randomUUID(), email, passwordHash, name })
    .onConflictDoNothing({ target: users.email })
    .returning()
    .get();
}

export function setPasswordHash({
  db,
  userId,
  passwordHash,
}: {
  db: Executor;
  userId: string;
  passwordHash: string;
}) {
  db.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
}

export function getUserByAccount({
  db,
  provider,
  providerAccountId,
}: {
  db: Executor;
  provider: string;
  providerAccountId: string;
}): User | undefined {
  return db
    .select({ user: users })
    .from(accounts)
    .innerJoin(users, eq(users.id, accounts.userId))
    .where(and(eq(accounts.provider, provider), eq(accounts.providerAccountId, providerAccountId)))
    .get()?.user;
}

/** A new user whose only way in is this OAuth identity. Undefined when the email already has an account. */
export function createOAuthUser({
  db,
  email,
  name,
  provider,
  providerAccountId,
}: {
  db: Executor;
  email: string;
  name: string | null;
  provider: string;
  providerAccountId: string;
}): User | undefined {
  return db.transaction((tx) => {
    const user = createUser({ db: tx, email, passwordHash: null, name });
    if (!user) return undefined;
    tx.insert(accounts).values({ provider, providerAccountId, userId: user.id }).run();
    return user;
  });
}

export function listLinkedProviders({ db, userId }: { db: Executor; userId: string }): string[] {
  return db
    .select({ provider: accounts.provider })
    .from(accounts)
    .where(eq(accounts.userId, userId))
    .all()
    .map((r) => r.provider);
}

/** A guest: a user with no way to sign in, made on a visitor's first chat message. */
export function createGuestUser({ db }: { db: Executor }): User {
  const id = randomUUID();
  return db
    .insert(users)
    .values({ id, email: `guest-${id}@guest.invalid`, isGuest: true })
    .returning()
    .get();
}

export function deleteUser({ db, id }: { db: Executor; id: string }) {
  db.delete(users).where(eq(users.id, id)).run();
}
