import "server-only";
import type { Db } from "@/lib/db/client";
import { createConversation, getConversation } from "@/lib/db/queries/conversations";
import { listMessages } from "@/lib/db/queries/messages";
import type { Conversation } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { Catalog } from "@/lib/personas/catalog";
import type { ChatActor } from "@/lib/auth/actor";
import { handoffTranscript } from "./prompt";
import { assertMayChat } from "@/lib/tiers";

/**
 * Starts a conversation with one of the current persona's worksWellWith, carrying the recent
 * messages as context; the two conversations link to each other (parent and child).
 */
export async function handoff({
  db,
  catalog,
  actor,
  fromId,
  personaId,
}: {
  db: Db;
  catalog: Catalog;
  actor: ChatActor & { userId: string };
  fromId: string;
  personaId: string;
}): Promise<Conversation> {
  const from = await getConversation({ db, id: fromId, userId: actor.userId });
  if (!from) throw new AppError("not_found", "There is no conversation with that id.");
  const source = catalog.byId.get(from.personaId);
  const target = catalog.byId.get(personaId);
  if (!source || !target) throw new AppError("not_found", "There is no persona with that id.");
  if (!source.worksWellWith.includes(target.id)) {
    throw new AppError("bad_request", `${source.name} hands off only to the personas it works well with.`);
  }
  assertMayChat(actor, target);
  const recent = (await listMessages({ db, conversationId: from.id }))
    .filter((m) => m.content.trim())
    .map((m) => ({ role: m.role, content: m.content }));
  return await db.transaction(
    async (tx) =>
      await createConversation({
        db: tx,
        userId: actor.userId,
        personaId: target.id,
        title: `${from.title} → ${target.name}`.slice(0, 120),
        greeting: target.greeting,
        parentId: from.id,
        handoffContext: handoffTranscript(recent, source.name),
        personaVersion: target.version,
      }),
  );
}
