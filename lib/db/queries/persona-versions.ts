import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { first, rowCount } from "../dialect";
import type { Executor } from "../client";
import { prepared } from "../prepared";
import {
  conversationVersionChanges,
  conversations,
  creatorPersonas,
  creatorSubmissions,
  personaVersions,
  type PersonaVersionRow,
} from "../schema";

export type VersionKey = { personaId: string; version: string; textHash: string };
export type NewVersion = VersionKey & {
  text: string;
  changelog: string | null;
  source: "content" | "creator";
};

/** `${personaId}\0${textHash}` of every stored version of these personas (all when not given). */
export async function storedVersionKeys({
  db,
  personaIds,
}: {
  db: Executor;
  personaIds?: readonly string[];
}): Promise<Set<string>> {
  const query = db
    .select({ id: personaVersions.personaId, hash: personaVersions.textHash })
    .from(personaVersions);
  const rows = personaIds
    ? await query.where(inArray(personaVersions.personaId, [...personaIds]))
    : await query;
  return new Set(rows.map((r) => `${r.id}\0${r.hash}`));
}

/** Adds versions not stored yet (an existing key is left as it is: versions are immutable). */
export async function insertVersions({ db, rows }: { db: Executor; rows: readonly NewVersion[] }) {
  if (rows.length === 0) return 0;
  const result = await db
    .insert(personaVersions)
    .values([...rows])
    .onConflictDoNothing();
  return rowCount(result);
}

/** Every version of a persona, oldest first, without the texts. */
export async function listVersions({ db, personaId }: { db: Executor; personaId: string }) {
  return db
    .select({
      personaId: personaVersions.personaId,
      version: personaVersions.version,
      textHash: personaVersions.textHash,
      changelog: personaVersions.changelog,
      source: personaVersions.source,
      firstSeenAt: personaVersions.firstSeenAt,
      unpublishedAt: personaVersions.unpublishedAt,
      unpublishedReason: personaVersions.unpublishedReason,
    })
    .from(personaVersions)
    .where(eq(personaVersions.personaId, personaId))
    .orderBy(asc(personaVersions.firstSeenAt), asc(personaVersions.version));
}
export type VersionListItem = Awaited<ReturnType<typeof listVersions>>[number];

/** One version with its text: by hash, or the newest text stored under a version number. */
export async function getVersion({
  db,
  personaId,
  version,
  textHash,
}: {
  db: Executor;
  personaId: string;
  version: string;
  textHash?: string;
}): Promise<PersonaVersionRow | undefined> {
  const rows = await db
    .select()
    .from(personaVersions)
    .where(
      and(
        eq(personaVersions.personaId, personaId),
        eq(personaVersions.version, version),
        textHash ? eq(personaVersions.textHash, textHash) : undefined,
      ),
    )
    .orderBy(sql`${personaVersions.firstSeenAt} desc`)
    .limit(1);
  return first(rows);
}

const statusQuery = prepared("persona_version_status", (db) =>
  db
    .select({ unpublishedAt: personaVersions.unpublishedAt, reason: personaVersions.unpublishedReason })
    .from(personaVersions)
    .where(
      and(
        eq(personaVersions.personaId, sql.placeholder("personaId")),
        eq(personaVersions.version, sql.placeholder("version")),
        eq(personaVersions.textHash, sql.placeholder("textHash")),
      ),
    ),
);

/** Whether a moderator unpublished this version (and why); undefined when it is not stored. */
export async function versionStatus({ db, ...key }: { db: Executor } & VersionKey) {
  return first(await statusQuery(db).execute(key));
}

/** The moderation seam: unpublish (with a reason) or publish again one version of a persona. */
export async function setVersionUnpublished({
  db,
  personaId,
  version,
  reason,
  at = new Date(),
}: {
  db: Executor;
  personaId: string;
  version: string;
  /** null publishes it again. */
  reason: string | null;
  at?: Date;
}): Promise<number> {
  const result = await db
    .update(personaVersions)
    .set(
      reason === null
        ? { unpublishedAt: null, unpublishedReason: null }
        : { unpublishedAt: at, unpublishedReason: reason },
    )
    .where(and(eq(personaVersions.personaId, personaId), eq(personaVersions.version, version)));
  return rowCount(result);
}

/** Moves a conversation on to another version, recording the switch (the messages stay as they were). */
export async function switchConversationVersion({
  db,
  conversationId,
  userId,
  from,
  to,
}: {
  db: Executor;
  conversationId: string;
  userId: string;
  from: string | null;
  to: { version: string; textHash: string };
}): Promise<boolean> {
  const result = await db
    .update(conversations)
    .set({ personaVersion: to.version, personaVersionHash: to.textHash })
    .where(and(eq(conversations.id, conversationId), eq(conversations.userId, userId)));
  if (rowCount(result) === 0) return false;
  await db.insert(conversationVersionChanges).values({
    id: randomUUID(),
    conversationId,
    fromVersion: from,
    toVersion: to.version,
    toHash: to.textHash,
  });
  return true;
}

/** A conversation's switches, oldest first. */
export async function listVersionChanges({ db, conversationId }: { db: Executor; conversationId: string }) {
  return db
    .select({
      fromVersion: conversationVersionChanges.fromVersion,
      toVersion: conversationVersionChanges.toVersion,
      at: conversationVersionChanges.at,
    })
    .from(conversationVersionChanges)
    .where(eq(conversationVersionChanges.conversationId, conversationId))
    .orderBy(asc(conversationVersionChanges.at));
}

/** Published creator personas' texts, with the changelog of the submission that published each. */
export async function creatorVersionTexts({
  db,
  ids,
}: {
  db: Executor;
  ids: readonly string[];
}): Promise<Map<string, { text: string; changelog: string | null }>> {
  const rows = await db
    .select({ id: creatorPersonas.id, text: creatorPersonas.text, changelog: creatorSubmissions.changelog })
    .from(creatorPersonas)
    .leftJoin(creatorSubmissions, eq(creatorSubmissions.id, creatorPersonas.submissionId))
    .where(inArray(creatorPersonas.id, [...ids]));
  return new Map(rows.map((r) => [r.id, { text: r.text, changelog: r.changelog }]));
}
