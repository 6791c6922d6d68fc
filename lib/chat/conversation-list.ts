import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import {
  countPinnedConversations,
  listPinnedConversations,
  setConversationPinned,
} from "@/lib/db/queries/conversation-pins";
import { listConversations, type ConversationListItem } from "@/lib/db/queries/conversations";
import { AppError } from "@/lib/errors";
import type { Catalog } from "@/lib/personas/catalog";

/** How many conversations one person may pin: the pinned ones are listed whole, above the rest. */
export const PINNED_MAX = 20;

export type ConversationItemView = {
  id: string;
  personaId: string;
  title: string;
  updatedAt: string;
  avatar: string;
  pinned: boolean;
};

/**
 * One page of the sidebar: the first page starts with every pinned conversation (latest pin first),
 * then the others newest first, keyset-paginated by (updatedAt, id) as `next`.
 */
export async function conversationListPage({
  db,
  catalog,
  userId,
  limit,
  before,
}: {
  db: Db;
  catalog: Catalog;
  userId: string;
  limit: number;
  before?: { updatedAt: Date; id: string };
}): Promise<{ items: ConversationItemView[]; next: string | null }> {
  const pinned = before ? [] : await listPinnedConversations({ db, userId, limit: PINNED_MAX });
  const rows = await listConversations({ db, userId, limit: limit + 1, before, unpinned: true });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const view = (c: ConversationListItem, isPinned: boolean): ConversationItemView => ({
    id: c.id,
    personaId: c.personaId,
    title: c.title,
    updatedAt: c.updatedAt.toISOString(),
    avatar: catalog.byId.get(c.personaId)?.avatar ?? "💬",
    pinned: isPinned,
  });
  return {
    items: [...pinned.map((c) => view(c, true)), ...page.map((c) => view(c, false))],
    next: rows.length > limit && last ? `${last.updatedAt.getTime()}_${last.id}` : null,
  };
}

/** Pin or unpin one of the user's conversations; a pin past PINNED_MAX is refused (409). */
export async function pinConversation({
  db,
  id,
  userId,
  pinned,
}: {
  db: Db;
  id: string;
  userId: string;
  pinned: boolean;
}) {
  if (pinned && (await countPinnedConversations({ db, userId })) >= PINNED_MAX) {
    throw new AppError(
      "conflict",
      `You can pin at most ${PINNED_MAX} conversations. Unpin one to pin this one.`,
    );
  }
  if (!(await setConversationPinned({ db, id, userId, pinned }))) {
    throw new AppError("not_found", "There is no conversation with that id.");
  }
}

export const conversationListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(30),
  /** The `next` cursor from the previous page. */
  before: z
    .string()
    .regex(/^\d+_[0-9a-f-]{36}$/, "must be a cursor from a previous page")
    .optional(),
});
export type ConversationListQuery = z.infer<typeof conversationListQuerySchema>;

export type ConversationListPage = { items: ConversationItemView[]; next: string | null };

/** GET /api/conversations: one page of a user's conversations (pinned first on the first page). */
export async function conversationPage({
  db,
  catalog,
  userId,
  query: { limit, before },
}: {
  db: Db;
  catalog: Catalog;
  userId: string | null;
  query: ConversationListQuery;
}): Promise<ConversationListPage> {
  if (!userId) return { items: [], next: null };
  const cursor = before
    ? { updatedAt: new Date(Number(before.split("_")[0])), id: before.split("_")[1]! }
    : undefined;
  return conversationListPage({ db, catalog, userId, limit, before: cursor });
}
