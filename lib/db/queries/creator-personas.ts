import "server-only";
import { randomUUID } from "node:crypto";
import { and, count, eq, inArray } from "drizzle-orm";
import { first } from "../dialect";
import type { Executor } from "../client";
import { appSettings, creatorPersonas, creators, type CreatorPersona } from "../schema";

const CATALOG_VERSION_KEY = "catalog.version";

/** The catalog version every instance compares with its own: a new value means "load again". */
export async function readCatalogVersion({ db }: { db: Executor }): Promise<string> {
  const row = await db
    .select({ value: appSettings.value })
    .from(appSettings)
    .where(eq(appSettings.key, CATALOG_VERSION_KEY))
    .then(first);
  return row?.value ?? "0";
}

/** Call in the transaction that publishes or unpublishes: the change and the new version commit together. */
export async function bumpCatalogVersion({ db }: { db: Executor }): Promise<string> {
  const value = `${Date.now()}-${randomUUID()}`;
  await db
    .insert(appSettings)
    .values({ key: CATALOG_VERSION_KEY, value })
    .onConflictDoUpdate({ target: appSettings.key, set: { value } });
  return value;
}

/** Every published creator persona, as the catalog loads it. */
export async function listPublishedCreatorPersonas({ db }: { db: Executor }) {
  return db
    .select({ id: creatorPersonas.id, text: creatorPersonas.text, remixOf: creatorPersonas.remixOf })
    .from(creatorPersonas)
    .where(eq(creatorPersonas.status, "published"));
}

export async function getCreatorPersona({ db, id }: { db: Executor; id: string }) {
  return db.select().from(creatorPersonas).where(eq(creatorPersonas.id, id)).then(first);
}

/** The creator's personas (published and unpublished). */
export async function listCreatorPersonasOf({ db, userId }: { db: Executor; userId: string }) {
  return db.select().from(creatorPersonas).where(eq(creatorPersonas.userId, userId));
}

/** Publishes a persona (a first version or the next one). */
export async function upsertCreatorPersona({
  db,
  persona,
}: {
  db: Executor;
  persona: Omit<CreatorPersona, "publishedAt" | "updatedAt">;
}) {
  const now = new Date();
  await db
    .insert(creatorPersonas)
    .values({ ...persona, publishedAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: creatorPersonas.id,
      set: {
        text: persona.text,
        version: persona.version,
        tier: persona.tier,
        status: persona.status,
        pictureId: persona.pictureId,
        submissionId: persona.submissionId,
        updatedAt: now,
      },
    });
}

export async function setCreatorPersonaStatus({
  db,
  id,
  status,
}: {
  db: Executor;
  id: string;
  status: CreatorPersona["status"];
}): Promise<boolean> {
  const rows = await db
    .update(creatorPersonas)
    .set({ status, updatedAt: new Date() })
    .where(eq(creatorPersonas.id, id))
    .returning({ id: creatorPersonas.id });
  return rows.length > 0;
}

/** Published remixes per original, for the originals named. */
export async function remixCounts({
  db,
  ids,
}: {
  db: Executor;
  ids: string[];
}): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: creatorPersonas.remixOf, n: count() })
    .from(creatorPersonas)
    .where(and(inArray(creatorPersonas.remixOf, ids), eq(creatorPersonas.status, "published")))
    .groupBy(creatorPersonas.remixOf);
  return new Map(rows.flatMap((r) => (r.id ? [[r.id, r.n] as const] : [])));
}

/** Handles of the creators of published personas, by persona id. */
export async function handlesOf({ db, ids }: { db: Executor; ids: string[] }) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: creatorPersonas.id, handle: creators.handle })
    .from(creatorPersonas)
    .innerJoin(creators, eq(creators.userId, creatorPersonas.userId))
    .where(inArray(creatorPersonas.id, ids));
  return new Map(rows.map((r) => [r.id, r.handle]));
}
