import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, lte } from "drizzle-orm";
import { first, rowCount, messageOrder } from "../dialect";
import type { Executor } from "../client";
import { conversations, conversationShares, messages } from "../schema";

/** One live link per conversation: sharing again replaces the old link. */
export async function replaceShare({
  db,
  conversationId,
  tokenHash,
  sharedUntil,
  pathIds,
}: {
  db: Executor;
  conversationId: string;
  tokenHash: string;
  sharedUntil: Date;
  /** The messages of the path shown, in order: the link shows these. */
  pathIds: string[];
}) {
  await db.delete(conversationShares).where(eq(conversationShares.conversationId, conversationId));
  await db
    .insert(conversationShares)
    .values({ tokenHash, conversationId, sharedUntil, pathIds: JSON.stringify(pathIds) });
}

export async function deleteShares({
  db,
  conversationId,
}: {
  db: Executor;
  conversationId: string;
}): Promise<number> {
  return rowCount(
    await db.delete(conversationShares).where(eq(conversationShares.conversationId, conversationId)),
  );
}

/**
 * The shared conversation (never its owner) and the messages of the path shown when it was shared
 * (a link made before branches were kept: the messages up to that moment).
 */
export async function getSharedConversation({ db, tokenHash }: { db: Executor; tokenHash: string }) {
  const row = await db
    .select({
      conversationId: conversations.id,
      personaId: conversations.personaId,
      title: conversations.title,
      personaVersion: conversations.personaVersion,
      sharedUntil: conversationShares.sharedUntil,
      pathIds: conversationShares.pathIds,
    })
    .from(conversationShares)
    .innerJoin(conversations, eq(conversationShares.conversationId, conversations.id))
    .where(eq(conversationShares.tokenHash, tokenHash))
    .then(first);
  if (!row) return undefined;
  const { pathIds, ...conversation } = row;
  const path = parsePathIds(pathIds);
  const columns = {
    id: messages.id,
    role: messages.role,
    content: messages.content,
    status: messages.status,
  };
  const rows = path
    ? await db
        .select(columns)
        .from(messages)
        .where(and(eq(messages.conversationId, row.conversationId), inArray(messages.id, path)))
        .then((found) => path.flatMap((id) => found.filter((m) => m.id === id)))
    : await db
        .select(columns)
        .from(messages)
        .where(and(eq(messages.conversationId, row.conversationId), lte(messages.createdAt, row.sharedUntil)))
        .orderBy(asc(messages.createdAt), messageOrder);
  const shown = rows
    .filter((m) => m.status !== "streaming" && m.content.trim() !== "")
    .map(({ role, content, status }) => ({ role, content, status }));
  return { ...conversation, messages: shown };
}

function parsePathIds(text: string | null): string[] | null {
  if (!text) return null;
  try {
    const ids: unknown = JSON.parse(text);
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string") : null;
  } catch {
    return null;
  }
}

/** A new conversation for `userId` holding copies of the given messages. */
export async function insertConversationCopy({
  db,
  userId,
  personaId,
  title,
  personaVersion,
  personaVersionHash = null,
  copied,
}: {
  db: Executor;
  userId: string;
  personaId: string;
  title: string;
  personaVersion: string;
  personaVersionHash?: string | null;
  copied: { role: "user" | "assistant"; content: string }[];
}): Promise<string> {
  const id = randomUUID();
  await db.insert(conversations).values({ id, userId, personaId, title, personaVersion, personaVersionHash });
  const base = Date.now();
  const ids = copied.map(() => randomUUID());
  if (copied.length)
    await db.insert(messages).values(
      copied.map((m, i) => ({
        id: ids[i]!,
        conversationId: id,
        role: m.role,
        content: m.content,
        copied: true,
        createdAt: new Date(base + i),
        // One branch: each copy follows the one before it.
        parentId: i > 0 ? ids[i - 1]! : null,
      })),
    );
  return id;
}
