import Link from "next/link";
import { getChatActor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { listConversations } from "@/lib/db/queries/conversations";
import { getCatalog } from "@/lib/personas";
import { ConversationList } from "./conversation-list";
import { NewChatLink } from "./new-chat-link";

export const SIDEBAR_PAGE = 30;

/** The viewer's conversations, newest first, grouped by date; more load as the list scrolls. */
export async function ChatSidebar() {
  const actor = await getChatActor();
  const rows = actor.userId
    ? await listConversations({ db: getDb(), userId: actor.userId, limit: SIDEBAR_PAGE + 1 })
    : [];
  const page = rows.slice(0, SIDEBAR_PAGE);
  const last = page.at(-1);
  const catalog = getCatalog();
  const items = page.map((c) => ({
    id: c.id,
    personaId: c.personaId,
    title: c.title,
    updatedAt: c.updatedAt.toISOString(),
    avatar: catalog.byId.get(c.personaId)?.avatar ?? "💬",
  }));
  return (
    <nav aria-label="Conversations" className="flex flex-col gap-3">
      <div className="flex items-center justify-between">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
          Conversations
        </h2>
        <NewChatLink personaOf={Object.fromEntries(items.map((i) => [i.id, i.personaId]))} />
      </div>
      <ConversationList
        initial={items}
        next={rows.length > SIDEBAR_PAGE && last ? `${last.updatedAt.getTime()}_${last.id}` : null}
      />
      {actor.kind === "guest" && (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          <Link href="/sign-up?callbackUrl=/chat" className="underline">
            Create an account
          </Link>{" "}
          to keep these conversations on every device.
        </p>
      )}
    </nav>
  );
}
