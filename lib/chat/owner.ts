import "server-only";
import { getChatActor, type ChatActor } from "@/lib/auth/actor";
import type { Db, Executor } from "@/lib/db/client";
import { deleteConversation, getConversation, renameConversation } from "@/lib/db/queries/conversations";
import { AppError } from "@/lib/errors";
import type { Catalog } from "@/lib/personas/catalog";
import { conversationView, type ConversationView } from "./conversation-view";
import { stopReply, type StopResult } from "./stop-reply";
import { conversationIdSchema } from "./validation";

export type Owner = { actor: ChatActor & { userId: string }; id: string };

const notFound = () => new AppError("not_found", "There is no conversation with that id.");

/**
 * The conversation routes' caller, who must have chatted before (a user or a known guest): visitors
 * own nothing, and a malformed id names nothing, so both are a 404 like another user's conversation.
 */
export async function requireOwner(rawId: unknown): Promise<Owner> {
  const id = conversationIdSchema.safeParse(rawId);
  if (!id.success) throw notFound();
  const actor = await getChatActor();
  if (!actor.userId) throw notFound();
  return { actor: actor as Owner["actor"], id: id.data };
}

/** The owner's conversation with its messages, or a 404. */
export async function ownConversationView(
  db: Db,
  catalog: Catalog,
  { actor, id }: Owner,
): Promise<ConversationView> {
  const view = await conversationView({ db, catalog, id, userId: actor.userId });
  if (!view) throw notFound();
  return view;
}

/** The owner's conversation row exists, or a 404. */
export async function assertOwnConversation(db: Executor, { actor, id }: Owner) {
  if (!(await getConversation({ db, id, userId: actor.userId }))) throw notFound();
}

export async function renameOwnConversation(db: Db, owner: Owner, title: string) {
  if (!(await renameConversation({ db, id: owner.id, userId: owner.actor.userId, title }))) throw notFound();
  return { id: owner.id, title };
}

/** Stops the reply being written (on whichever instance) and keeps what it said. */
export async function stopOwnReply(db: Db, owner: Owner): Promise<StopResult> {
  await assertOwnConversation(db, owner);
  return await stopReply({ db, conversationId: owner.id });
}

/** Gone with its messages; a reply in progress is stopped first. */
export async function deleteOwnConversation(db: Db, owner: Owner) {
  await assertOwnConversation(db, owner);
  await stopReply({ db, conversationId: owner.id });
  if (!(await deleteConversation({ db, id: owner.id, userId: owner.actor.userId }))) throw notFound();
}
