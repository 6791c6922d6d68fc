import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { first, inserted } from "../dialect";
import type { Executor } from "../client";
import { accounts, users, type User } from "../schema";

export async function getUserById({ db, id }: { db: Executor; id: string }): Promise<User | undefined> {
  return db.select().from(users).where(eq(users.id, id)).then(first);
}

export async function getUserByEmail({
  db,
  email,
}: {
  db: Executor;
  email: string;
}): Promise<User | undefined> {
  return db.select().from(users).where(eq(users.email, email)).then(first);
}

/** Inserts a user; returns undefined when the email is taken (the unique index decides, not a race). */
export async function createUser({
  db,
  email,
  passwordHash,
  name = null,
}: {
  db: Executor;
  email: string;
  passwordHash: string | null;
  name?: string | null;
}): Promise<User | undefined> {
  return db
    .insert(users)
    .values({ id: randomUUID(), email, passwordHash, name })
    .onConflictDoNothing({ target: users.email })
    .returning()
    .then(first);
}

export async function setPasswordHash({
  db,
  userId,
  passwordHash,
}: {
  db: Executor;
  userId: string;
  passwordHash: string;
}) {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

export async function getUserByAccount({
  db,
  provider,
  providerAccountId,
}: {
  db: Executor;
  provider: string;
  providerAccountId: string;
}): Promise<User | undefined> {
  return (
    await db
      .select({ user: users })
      .from(accounts)
      .innerJoin(users, eq(users.id, accounts.userId))
      .where(and(eq(accounts.provider, provider), eq(accounts.providerAccountId, providerAccountId)))
      .then(first)
  )?.user;
}

/** A new user whose only way in is this OAuth identity. Undefined when the email already has an account. */
export async function createOAuthUser({
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
}): Promise<User | undefined> {
  return db.transaction(async (tx) => {
    const user = await createUser({ db: tx, email, passwordHash: null, name });
    if (!user) return undefined;
    await tx.insert(accounts).values({ provider, providerAccountId, userId: user.id });
    return user;
  });
}

export async function listLinkedProviders({
  db,
  userId,
}: {
  db: Executor;
  userId: string;
}): Promise<string[]> {
  return (
    await db.select({ provider: accounts.provider }).from(accounts).where(eq(accounts.userId, userId))
  ).map((r) => r.provider);
}

/** A guest: a user with no way to sign in, made on a visitor's first chat message. */
export async function createGuestUser({ db }: { db: Executor }): Promise<User> {
  const id = randomUUID();
  return db
    .insert(users)
    .values({ id, email: `guest-${id}@guest.invalid`, isGuest: true })
    .returning()
    .then(inserted);
}

export async function deleteUser({ db, id }: { db: Executor; id: string }) {
  await db.delete(users).where(eq(users.id, id));
}
