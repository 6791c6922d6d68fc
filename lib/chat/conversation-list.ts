import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { listConversations } from "@/lib/db/queries/conversations";
import type { Catalog } from "@/lib/personas/catalog";

export const conversationListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(30),
  /** The `next` cursor from the previous page. */
  before: z
    .string()
    .regex(/^\d+_[0-9a-f-]{36}$/, "must be a cursor from a previous page")
    .optional(),
});
export type ConversationListQuery = z.infer<typeof conversationListQuerySchema>;

export type ConversationListPage = {
  items: { id: string; personaId: string; title: string; updatedAt: string; avatar: string }[];
  next: string | null;
};

/** One page of a user's conversations, newest first; `next` is the cursor of the page after it. */
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
  const items = await listConversations({ db, userId, limit: limit + 1, before: cursor });
  const page = items.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((c) => ({
      id: c.id,
      personaId: c.personaId,
      title: c.title,
      updatedAt: c.updatedAt.toISOString(),
      avatar: catalog.byId.get(c.personaId)?.avatar ?? "💬",
    })),
    next: items.length > limit && last ? `${last.updatedAt.getTime()}_${last.id}` : null,
  };
}
