import "server-only";
import type { Db, Executor } from "@/lib/db/client";
import { getConversation } from "@/lib/db/queries/conversations";
import {
  getVersion,
  listVersionChanges,
  switchConversationVersion,
  versionStatus,
} from "@/lib/db/queries/persona-versions";
import { AppError } from "@/lib/errors";
import type { Catalog } from "./catalog";
import type { Persona } from "./schema";
import { unpublishedError } from "./versions-pin";

export type ConversationVersionInfo = {
  /** The version the conversation talks to (null: from before versions were kept, so the latest). */
  version: string | null;
  /** The catalog's version when it differs from the conversation's, with what changed. */
  newer: { version: string; changelog: string | null } | null;
  /** Set when a moderator unpublished the conversation's version: it cannot continue. */
  unpublished: { reason: string | null } | null;
  /** "Switch to vX" moves made, oldest first. */
  switches: { fromVersion: string | null; toVersion: string; at: string }[];
};

/** What the chat page says about a conversation's version: newer one, unpublished, switches made. */
export async function conversationVersionInfo({
  db,
  current,
  conversation,
}: {
  db: Executor;
  current: Persona;
  conversation: { id: string; personaVersion: string | null; personaVersionHash: string | null };
}): Promise<ConversationVersionInfo> {
  const { personaVersion: version, personaVersionHash: textHash } = conversation;
  const onLatest = !textHash || !version || textHash === current.textHash;
  const [latest, own, switches] = await Promise.all([
    onLatest || !current.textHash
      ? undefined
      : getVersion({ db, personaId: current.id, version: current.version, textHash: current.textHash }),
    textHash && version ? versionStatus({ db, personaId: current.id, version, textHash }) : undefined,
    listVersionChanges({ db, conversationId: conversation.id }),
  ]);
  return {
    version: version ?? null,
    newer: onLatest
      ? null
      : { version: current.version, changelog: latest?.changelog ?? current.changelog ?? null },
    unpublished: own?.unpublishedAt ? { reason: own.reason } : null,
    switches: switches.map((s) => ({ ...s, at: s.at.toISOString() })),
  };
}

/**
 * "Switch to vX": the conversation talks to the catalog's version from its next message on
 * (recorded; the messages before stay as they were). Only its owner may; not onto an unpublished
 * version, and not when it is already there.
 */
export async function switchToLatest({
  db,
  catalog,
  userId,
  conversationId,
}: {
  db: Db;
  catalog: Catalog;
  userId: string;
  conversationId: string;
}): Promise<{ version: string }> {
  const conversation = await getConversation({ db, id: conversationId, userId });
  if (!conversation) throw new AppError("not_found", "There is no conversation with that id.");
  const current = catalog.byId.get(conversation.personaId);
  if (!current?.textHash)
    throw new AppError("not_found", "This conversation's persona is no longer available.");
  if (conversation.personaVersionHash === current.textHash || !conversation.personaVersionHash)
    throw new AppError("conflict", `This conversation already talks to version ${current.version}.`);
  const status = await versionStatus({
    db,
    personaId: current.id,
    version: current.version,
    textHash: current.textHash,
  });
  if (status?.unpublishedAt) throw unpublishedError(current, current.version, status.reason);
  await db.transaction(async (tx) => {
    await switchConversationVersion({
      db: tx,
      conversationId,
      userId,
      from: conversation.personaVersion,
      to: { version: current.version, textHash: current.textHash! },
    });
  });
  return { version: current.version };
}
