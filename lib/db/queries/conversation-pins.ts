import "server-only";
import { and, count, desc, eq, isNotNull } from "drizzle-orm";
import type { Executor } from "../client";
import { rowCount } from "../dialect";
import { conversations } from "../schema";
import type { ConversationListItem } from "./conversations";

/** The user's pinned conversations, latest pin first (at most `limit`). */
export async function listPinnedConversations({
  db,
  userId,
  limit,
}: {
  db: Executor;
  userId: string;
  limit: number;
}): Promise<ConversationListItem[]> {
  return db
    .select({
      id: conversations.id,
      personaId: conversations.personaId,
      title: conversations.title,
      updatedAt: conversations.updatedAt,
    })
    .from(conversations)
    .where(and(eq(conversations.userId, userId), isNotNull(conversations.pinnedAt)))
    .orderBy(desc(conversations.pinnedAt), desc(conversations.id))
    .limit(limit);
}

export async function countPinnedConversations({ db, userId }: { db: Executor; userId: string }) {
  const [row] = await db
    .select({ n: count() })
    .from(conversations)
    .where(and(eq(conversations.userId, userId), isNotNull(conversations.pinnedAt)));
  return row?.n ?? 0;
}

/** Pins (now) or unpins the user's conversation; false when it is not theirs. */
export async function setConversationPinned({
  db,
  id,
  userId,
  pinned,
}: {
  db: Executor;
  id: string;
  userId: string;
  pinned: boolean;
}): Promise<boolean> {
  const result = await db
    .update(conversations)
    .set({ pinnedAt: pinned ? new Date() : null })
    .where(and(eq(conversations.id, id), eq(conversations.userId, userId)));
  return rowCount(result) === 1;
}
