import "server-only";
import { unpublishedPersona } from "@/lib/creators/retired";
import type { Db } from "@/lib/db/client";
import { getConversation, listChildConversations } from "@/lib/db/queries/conversations";
import { listMessages, listReplyVersions } from "@/lib/db/queries/messages";
import type { Message } from "@/lib/db/schema";
import type { Catalog } from "@/lib/personas/catalog";
import { toSummary, type PersonaSummary } from "@/lib/personas/summary";
import { listMessageTree } from "@/lib/db/queries/message-tree";
import { buildTree, versionsOf } from "./branches";
import { liveness } from "./liveness";
import { activeRun, sweepStaleReplies } from "./runs";

type Status = "complete" | "streaming" | "interrupted" | "stopped";
export type VersionView = { id: string; content: string; status: Status; createdAt?: string };
export type MessageView = {
  id: string;
  role: "user" | "assistant";
  content: string;
  status: Status;
  createdAt?: string;
  /** The last reply's versions (Regenerate), oldest first, this one among them; absent when there is one. */
  versions?: VersionView[];
  /** The ids of this turn's versions (edits, regenerated replies), oldest first, this one among them; absent when there is one. */
  branches?: string[];
};

/** The conversation's current path as shown, with the versions of its last reply. */
export async function messageViews(db: Db, conversationId: string): Promise<MessageView[]> {
  let rows = await listMessages({ db, conversationId });
  // A reply left streaming by a process that is gone is ended here, lazily, when someone reads it.
  if (rows.at(-1)?.status === "streaming" && !activeRun(conversationId) && isStale(rows.at(-1)!)) {
    await sweepStaleReplies(db, conversationId);
    rows = await listMessages({ db, conversationId });
  }
  const view = (m: Message): VersionView => ({
    id: m.id,
    content: m.content,
    status: m.status,
    createdAt: m.createdAt.toISOString(),
  });
  const lastRow = rows.at(-1);
  const lastVersions =
    lastRow?.role === "assistant" && lastRow.replyGroup
      ? await listReplyVersions({ db, conversationId, replyGroup: lastRow.replyGroup })
      : [];
  const tree = buildTree(await listMessageTree({ db, conversationId }));
  return rows.map((m, i) => {
    const versions = i === rows.length - 1 ? lastVersions : [];
    const branches = versionsOf(tree, m.id);
    return {
      ...view(m),
      role: m.role,
      ...(versions.length > 1 && { versions: versions.map(view) }),
      ...(branches.length > 1 && { branches: branches.map((b) => b.id) }),
    };
  });
}

const isStale = (m: Message) => !m.heartbeatAt || m.heartbeatAt.getTime() < Date.now() - liveness().staleMs;

export type ConversationView = {
  id: string;
  title: string;
  persona: PersonaSummary & { greeting: string; starters: string[]; worksWellWith: PersonaSummary[] };
  messages: MessageView[];
  parent: { id: string; personaName: string } | null;
  /** What a hand-off carried over from the parent conversation (the owner's own messages). */
  handoffContext: string | null;
  children: { id: string; personaName: string }[];
  streaming: boolean;
  /** The persona was unpublished by a moderator: the conversation is read-only. */
  unpublished: boolean;
};

/** A conversation as its owner sees it; undefined for a missing id or someone else's. */
export async function conversationView({
  db,
  catalog,
  id,
  userId,
}: {
  db: Db;
  catalog: Catalog;
  id: string;
  userId: string;
}): Promise<ConversationView | undefined> {
  const conversation = await getConversation({ db, id, userId });
  if (!conversation) return undefined;
  const listed = catalog.byId.get(conversation.personaId);
  // A persona a moderator unpublished: its conversations stay readable, read-only.
  const persona = listed ?? (await unpublishedPersona({ db, id: conversation.personaId }));
  if (!persona) return undefined;
  const messages = await messageViews(db, id);
  const name = (personaId: string) => catalog.byId.get(personaId)?.name ?? personaId;
  const parent = conversation.parentId
    ? await getConversation({ db, id: conversation.parentId, userId })
    : undefined;
  return {
    id: conversation.id,
    title: conversation.title,
    persona: {
      ...toSummary(persona),
      greeting: persona.greeting,
      starters: persona.starters,
      worksWellWith: persona.worksWellWith.flatMap((w) => {
        const p = catalog.byId.get(w);
        return p ? [toSummary(p)] : [];
      }),
    },
    messages,
    parent: parent ? { id: parent.id, personaName: name(parent.personaId) } : null,
    handoffContext: conversation.handoffContext,
    children: (await listChildConversations({ db, parentId: id, userId })).map((c) => ({
      id: c.id,
      personaName: name(c.personaId),
    })),
    // Being written here, or by another instance sharing the database (its row is still streaming).
    streaming: Boolean(activeRun(id)) || messages.at(-1)?.status === "streaming",
    unpublished: !listed,
  };
}

/** The conversation as Markdown, for export. */
export function conversationMarkdown(view: ConversationView): string {
  const lines = [
    `# ${view.title}`,
    "",
    `A conversation with **${view.persona.name}** on Persona Market.`,
    "",
  ];
  for (const m of view.messages) {
    lines.push(`## ${m.role === "user" ? "You" : view.persona.name}`, "", m.content || "_(no text)_", "");
    const version = m.branches?.indexOf(m.id) ?? -1;
    if (m.branches && version >= 0) lines.push(`_Version ${version + 1} of ${m.branches.length}._`, "");
    if (m.status === "interrupted") lines.push("_This reply was interrupted._", "");
    if (m.status === "stopped") lines.push("_This reply was stopped._", "");
  }
  return lines.join("\n");
}
