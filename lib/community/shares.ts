import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { ChatActor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { getConversation } from "@/lib/db/queries/conversations";
import {
  deleteShares,
  getSharedConversation,
  insertConversationCopy,
  replaceShare,
} from "@/lib/db/queries/shares";
import { createGuestUser } from "@/lib/db/queries/users";
import { AppError, RateLimited } from "@/lib/errors";
import { addressWindow, consumeWindow, newGuestKey, waitPhrase } from "@/lib/limits/window";
import type { Catalog } from "@/lib/personas/catalog";
import { toSummary, type PersonaSummary } from "@/lib/personas/summary";
import { assertMayChat, unlocks } from "@/lib/tiers";

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const notFound = () =>
  new AppError("not_found", "This shared conversation does not exist or is no longer shared.");
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * The owner makes an unlisted link: 256 random bits, only the hash kept. It shows the messages up
 * to this moment (a snapshot; later messages stay private). Sharing again replaces the old link.
 */
export async function shareConversation({
  db,
  id,
  userId,
  siteUrl,
}: {
  db: Db;
  id: string;
  userId: string;
  siteUrl: string;
}) {
  if (!(await getConversation({ db, id, userId })))
    throw new AppError("not_found", "There is no conversation with that id.");
  const token = randomBytes(32).toString("base64url");
  await replaceShare({ db, conversationId: id, tokenHash: hashToken(token), sharedUntil: new Date() });
  return { url: new URL(`/share/${token}`, siteUrl).toString() };
}

/** The link stops working at once. */
export async function revokeShare({ db, id, userId }: { db: Db; id: string; userId: string }) {
  if (!(await getConversation({ db, id, userId })))
    throw new AppError("not_found", "There is no conversation with that id.");
  return { revoked: (await deleteShares({ db, conversationId: id })) > 0 };
}

export type SharedView = {
  title: string;
  /** What a card may show; never the persona's prompt. */
  persona: PersonaSummary;
  /** The viewer's tier does not unlock the persona: they can read but not continue. */
  locked: boolean;
  messages: { role: "user" | "assistant"; content: string }[];
};

export async function sharedView({
  db,
  catalog,
  token,
  viewerTier,
}: {
  db: Db;
  catalog: Catalog;
  token: string;
  viewerTier: ChatActor["tier"] | null;
}): Promise<SharedView> {
  if (!TOKEN.test(token)) throw notFound();
  const shared = await getSharedConversation({ db, tokenHash: hashToken(token) });
  const persona = shared && catalog.byId.get(shared.personaId);
  if (!shared || !persona) throw notFound();
  return {
    title: shared.title,
    persona: toSummary(persona),
    locked: !unlocks(viewerTier, persona.tier),
    messages: shared.messages.map((m) => ({ role: m.role, content: m.content })),
  };
}

/**
 * "Continue this chat": a copy in the viewer's own new conversation. The viewer's tier decides, as
 * for any chat (a shared paid conversation unlocks nothing); a visitor becomes a guest, within the
 * new-guests-per-address limit. Messages sent afterwards count against the viewer's quota as usual.
 */
export async function continueShared({
  db,
  catalog,
  token,
  actor,
  clientGroup,
}: {
  db: Db;
  catalog: Catalog;
  token: string;
  actor: ChatActor;
  clientGroup: string;
}): Promise<{ conversationId: string; newGuestId: string | null }> {
  const view = await sharedView({
    db,
    catalog,
    token,
    viewerTier: actor.kind === "user" ? actor.tier : null,
  });
  const persona = catalog.byId.get(view.persona.id)!;
  assertMayChat(actor, persona);
  return await db.transaction(
    async (tx) => {
      let userId = actor.userId;
      if (!userId) {
        const guests = await consumeWindow({
          db: tx,
          key: newGuestKey(clientGroup),
          window: addressWindow("newGuests"),
        });
        if (guests.limited) {
          throw new RateLimited(
            `Too many new guest chats from your network. Sign up to continue this chat, or try again ${waitPhrase(guests.retryAfterSeconds)}.`,
            guests.retryAfterSeconds,
          );
        }
        userId = (await createGuestUser({ db: tx })).id;
      }
      const conversationId = await insertConversationCopy({
        db: tx,
        userId,
        personaId: persona.id,
        title: `${view.title} (continued)`.slice(0, 120),
        personaVersion: persona.version,
        copied: view.messages,
      });
      return { conversationId, newGuestId: actor.userId ? null : userId };
    },
    { behavior: "immediate" },
  );
}
