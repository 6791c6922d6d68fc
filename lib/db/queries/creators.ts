import "server-only";
import { randomUUID } from "node:crypto";
import { and, count, desc, eq, gte } from "drizzle-orm";
import { first } from "../dialect";
import type { Executor } from "../client";
import { creatorDrafts, creatorPictures, creators, type Creator, type CreatorDraft } from "../schema";

export async function getCreatorByUser({ db, userId }: { db: Executor; userId: string }) {
  return db.select().from(creators).where(eq(creators.userId, userId)).then(first);
}

export async function getCreatorByHandle({ db, handle }: { db: Executor; handle: string }) {
  return db.select().from(creators).where(eq(creators.handle, handle)).then(first);
}

/** Takes the handle for the user; undefined when it is taken (the unique index decides) or the user has one. */
export async function insertCreator({
  db,
  userId,
  handle,
}: {
  db: Executor;
  userId: string;
  handle: string;
}): Promise<Creator | undefined> {
  return db.insert(creators).values({ userId, handle }).onConflictDoNothing().returning().then(first);
}

export async function listDrafts({ db, userId }: { db: Executor; userId: string }) {
  return db
    .select()
    .from(creatorDrafts)
    .where(eq(creatorDrafts.userId, userId))
    .orderBy(desc(creatorDrafts.updatedAt));
}

/** The user's own draft, or undefined (another user's draft is no different from none). */
export async function getDraft({ db, id, userId }: { db: Executor; id: string; userId: string }) {
  return db
    .select()
    .from(creatorDrafts)
    .where(and(eq(creatorDrafts.id, id), eq(creatorDrafts.userId, userId)))
    .then(first);
}

/** The user's draft that edits this published persona, if there is one. */
export async function getDraftForPersona({
  db,
  userId,
  personaId,
}: {
  db: Executor;
  userId: string;
  personaId: string;
}) {
  return db
    .select()
    .from(creatorDrafts)
    .where(and(eq(creatorDrafts.userId, userId), eq(creatorDrafts.personaId, personaId)))
    .then(first);
}

export async function insertDraft({
  db,
  userId,
  fields,
  personaId = null,
  remixOf = null,
  remixOfVersion = null,
}: {
  db: Executor;
  userId: string;
  fields: string;
  personaId?: string | null;
  remixOf?: string | null;
  remixOfVersion?: string | null;
}): Promise<CreatorDraft> {
  const row = { id: randomUUID(), userId, fields, personaId, remixOf, remixOfVersion };
  const [created] = await db.insert(creatorDrafts).values(row).returning();
  return created!;
}

/** Saves the fields of the user's own draft; false when there is no such draft. */
export async function updateDraftFields({
  db,
  id,
  userId,
  fields,
  personaId,
}: {
  db: Executor;
  id: string;
  userId: string;
  fields: string;
  personaId?: string;
}): Promise<boolean> {
  const rows = await db
    .update(creatorDrafts)
    .set({ fields, updatedAt: new Date(), ...(personaId !== undefined && { personaId }) })
    .where(and(eq(creatorDrafts.id, id), eq(creatorDrafts.userId, userId)))
    .returning({ id: creatorDrafts.id });
  return rows.length > 0;
}

export async function deleteDraft({ db, id, userId }: { db: Executor; id: string; userId: string }) {
  await db.delete(creatorDrafts).where(and(eq(creatorDrafts.id, id), eq(creatorDrafts.userId, userId)));
}

export async function countDraftsSince({ db, userId, since }: { db: Executor; userId: string; since: Date }) {
  return (
    (
      await db
        .select({ n: count() })
        .from(creatorDrafts)
        .where(and(eq(creatorDrafts.userId, userId), gte(creatorDrafts.createdAt, since)))
        .then(first)
    )?.n ?? 0
  );
}

export async function insertPicture({
  db,
  userId,
  contentType,
  width,
  height,
  data,
}: {
  db: Executor;
  userId: string;
  contentType: string;
  width: number;
  height: number;
  data: string;
}): Promise<string> {
  const id = randomUUID();
  await db.insert(creatorPictures).values({ id, userId, contentType, width, height, data });
  return id;
}

export async function getPicture({ db, id }: { db: Executor; id: string }) {
  return db.select().from(creatorPictures).where(eq(creatorPictures.id, id)).then(first);
}

export async function countPicturesSince({
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
        .from(creatorPictures)
        .where(and(eq(creatorPictures.userId, userId), gte(creatorPictures.createdAt, since)))
        .then(first)
    )?.n ?? 0
  );
}

/** After approval: the draft now edits the published persona (its next version). */
export async function updateDraftPersona({
  db,
  id,
  personaId,
}: {
  db: Executor;
  id: string;
  personaId: string;
}) {
  await db.update(creatorDrafts).set({ personaId }).where(eq(creatorDrafts.id, id));
}
