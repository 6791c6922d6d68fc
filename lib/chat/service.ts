import "server-only";
import { lockKeys } from "@/lib/db/dialect";
import type { ModelMessage } from "ai";
import type { Db } from "@/lib/db/client";
import { createConversation, getConversation, touchConversation } from "@/lib/db/queries/conversations";
import { markStaleInterrupted, streamingReplies } from "@/lib/db/queries/live-replies";
import { insertMessage, insertTurn, listTurns, retireFrom, retireReply } from "@/lib/db/queries/messages";
import { addDailyUsage, subtractDailyUsage } from "@/lib/db/queries/usage";
import { createGuestUser } from "@/lib/db/queries/users";
import { AppError, RateLimited } from "@/lib/errors";
import {
  addressWindow,
  consumeWindow,
  guestMessageKey,
  newGuestKey,
  releaseWindow,
  waitPhrase,
} from "@/lib/limits/window";
import { countPersonaUse } from "@/lib/community/usage";
import { isShuttingDown } from "@/lib/shutdown";
import type { Catalog } from "@/lib/personas/catalog";
import { assertMayChat, DAILY_MESSAGE_QUOTA } from "@/lib/tiers";
import type { ChatActor } from "@/lib/auth/actor";
import { modelFor, NO_MODEL_HELP } from "./provider";
import { systemPrompt } from "./prompt";
import { usageDay } from "./quota";
import { assertWithinLimits } from "./admission";
import { freshAfter } from "./liveness";
import { activeRun, startRun, type ReplyRun } from "./runs";
import { titleFrom } from "./title";
import type { ChatRequest } from "./validation";

export { QuotaExceeded, TooManyStreams } from "./admission";

export type StartedReply = { run: ReplyRun; conversationId: string; newGuestId: string | null };

/**
 * The chat route's work, in order: not shutting down (503) → conversation (the actor's, or 404) → tier (403) → model
 * configured (503) → quota and replies at once (429) → the user's message saved and committed → the reply started.
 * Nothing reaches the model for a refused request.
 */
export async function startReply({
  db,
  catalog,
  actor,
  request,
  clientGroup,
  now = new Date(),
}: {
  db: Db;
  catalog: Catalog;
  actor: ChatActor;
  request: ChatRequest;
  /** The client's address group (lib/limits/address.ts): guests are limited by it, not by cookie. */
  clientGroup?: string;
  now?: Date;
}): Promise<StartedReply> {
  if (isShuttingDown()) {
    throw new AppError("shutting_down", "The server is restarting. Try again in a few seconds.");
  }
  const conversation = request.conversationId
    ? actor.userId
      ? await getConversation({ db, id: request.conversationId, userId: actor.userId })
      : undefined
    : undefined;
  if (request.conversationId && !conversation)
    throw new AppError("not_found", "There is no conversation with that id.");
  const persona = catalog.byId.get(conversation?.personaId ?? request.personaId!);
  if (!persona)
    throw new AppError(
      "not_found",
      conversation
        ? "This conversation's persona is no longer available."
        : "There is no persona with that id.",
    );
  assertMayChat(actor, persona);
  const resolved = modelFor(persona);
  if (!resolved) throw new AppError("no_model", NO_MODEL_HELP);
  if (conversation && activeRun(conversation.id)) throw replyInProgress();

  const day = usageDay(now);
  const saved = await db.transaction(
    async (tx) => {
      // Any instance may be writing this conversation's reply: the database says, under the write lock.
      if (conversation) await assertNoLiveReply(tx, conversation.id);
      if (actor.userId) await assertWithinLimits({ db: tx, actor: { ...actor, userId: actor.userId }, now });
      if (actor.kind !== "user" && clientGroup) await assertGuestAllowance(tx, actor, clientGroup, now);
      const userId = actor.userId ?? (await createGuestUser({ db: tx })).id;
      const conv =
        conversation ??
        (await createConversation({
          db: tx,
          userId,
          personaId: persona.id,
          title: titleFrom(request.message ?? persona.name),
          greeting: persona.greeting,
          personaVersion: persona.version,
        }));
      // The model's history is read here, in the transaction that adds to it: one read, consistent with the writes.
      const path = conversation ? await listTurns({ db: tx, conversationId: conv.id }) : [];
      let history: { role: "user" | "assistant"; content: string }[];
      let replyId: string;
      if (request.trigger === "regenerate") {
        const last = path.at(-1);
        if (!last || last.role !== "assistant" || path.length < 3) {
          throw new AppError("bad_request", "There is no reply to regenerate yet.");
        }
        // The earlier reply stays, as a version the reader can flip back to.
        const replyGroup = await retireReply({ db: tx, reply: last });
        history = path.slice(0, -1);
        replyId = (
          await insertMessage({
            db: tx,
            conversationId: conv.id,
            role: "assistant",
            content: "",
            status: "streaming",
            replyGroup,
          })
        ).id;
      } else {
        const message = { role: "user" as const, content: request.message! };
        if (request.trigger === "edit") {
          const lastUser = path.findLastIndex((m) => m.role === "user");
          if (lastUser < 0) throw new AppError("bad_request", "There is no message of yours to edit yet.");
          await retireFrom({ db: tx, conversationId: conv.id, id: path[lastUser]!.id });
          history = [...path.slice(0, lastUser), message];
        } else {
          history = [...path, message];
          await countPersonaUse({
            db: tx,
            personaId: persona.id,
            actor: { kind: actor.kind, userId },
            clientGroup,
            now,
          });
        }
        replyId = (await insertTurn({ db: tx, conversationId: conv.id, content: message.content })).replyId;
      }
      await addDailyUsage({ db: tx, userId, day });
      if (conversation) await touchConversation({ db: tx, id: conv.id });
      return { conversation: conv, replyId, userId, history };
    },
    { behavior: "immediate" },
  );

  const history: ModelMessage[] = saved.history
    .filter((m) => m.content.trim() !== "")
    .map((m) => ({ role: m.role, content: m.content }));
  // The greeting lives in the system prompt: some providers want the first message to be the user's.
  while (history[0]?.role === "assistant") history.shift();
  const run = startRun(db, saved.conversation.id, saved.replyId, {
    model: resolved.model,
    system: systemPrompt(persona, saved.conversation.handoffContext),
    messages: history,
    // A reply that fails before any text is not a message the user got: it does not count.
    onNoReply: async () => {
      await subtractDailyUsage({ db, userId: saved.userId, day });
      if (actor.kind !== "user" && clientGroup)
        await releaseWindow({ db, key: guestMessageKey(clientGroup) });
    },
  });
  return { run, conversationId: saved.conversation.id, newGuestId: actor.userId ? null : saved.userId };
}

export const replyInProgress = () =>
  new AppError("conflict", "A reply is still being written. Wait for it, or press Stop.");

/**
 * A reply some process is still heartbeating refuses the request (409); one whose process is gone
 * is marked interrupted here, so the conversation can go on.
 */
export async function assertNoLiveReply(
  tx: Parameters<typeof streamingReplies>[0]["db"],
  conversationId: string,
) {
  // The check and the reply the caller then inserts are one step for this conversation, on any instance.
  await lockKeys(tx, [`conversation:${conversationId}`]);
  // One read in the common case (nothing streaming); heartbeats are wall-clock, whatever `now` a caller gives.
  const rows = await streamingReplies({ db: tx, conversationId });
  if (rows.length === 0) return;
  const after = freshAfter();
  if (rows.some((r) => r.heartbeatAt && r.heartbeatAt > after)) throw replyInProgress();
  await markStaleInterrupted({ db: tx, staleBefore: after, conversationId });
}

/**
 * Guests are counted per client address, across every guest identity from it: a visitor who drops
 * the cookie gets neither a fresh quota nor, past a few an hour, a fresh guest.
 */
async function assertGuestAllowance(
  tx: Parameters<typeof consumeWindow>[0]["db"],
  actor: ChatActor,
  group: string,
  now: Date,
) {
  const messages = await consumeWindow({
    db: tx,
    key: guestMessageKey(group),
    window: addressWindow("guestMessages"),
    now,
  });
  if (messages.limited) {
    throw new RateLimited(
      `Guests from your network have used all ${addressWindow("guestMessages").max} messages allowed a day. Sign up for a free account (${DAILY_MESSAGE_QUOTA.free} messages a day), or try again ${waitPhrase(messages.retryAfterSeconds)}.`,
      messages.retryAfterSeconds,
    );
  }
  if (actor.userId) return;
  const guests = await consumeWindow({
    db: tx,
    key: newGuestKey(group),
    window: addressWindow("newGuests"),
    now,
  });
  if (guests.limited) {
    throw new RateLimited(
      `Too many new guest chats from your network. Sign up for a free account to keep chatting, or try again ${waitPhrase(guests.retryAfterSeconds)}.`,
      guests.retryAfterSeconds,
    );
  }
}
