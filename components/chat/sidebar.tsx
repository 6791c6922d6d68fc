import Link from "next/link";
import { getChatActor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { conversationListPage } from "@/lib/chat/conversation-list";
import { getCatalog } from "@/lib/personas";
import { ConversationSearchForm } from "@/components/chat-search/search-form";
import { ConversationList } from "./conversation-list";
import { NewChatLink } from "./new-chat-link";

export const SIDEBAR_PAGE = 30;

/** The viewer's conversations: pinned first, then newest first grouped by date; more load as the list scrolls. */
export async function ChatSidebar() {
  const actor = await getChatActor();
  const { items, next } = actor.userId
    ? await conversationListPage({
        db: getDb(),
        catalog: getCatalog(),
        userId: actor.userId,
        limit: SIDEBAR_PAGE,
      })
    : { items: [], next: null };
  return (
    <nav aria-label="Conversations" className="flex flex-col gap-3">
      <div className="flex items-center justify-between">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
          Conversations
        </h2>
        <NewChatLink personaOf={Object.fromEntries(items.map((i) => [i.id, i.personaId]))} />
      </div>
      {items.length > 0 && <ConversationSearchForm />}
      <ConversationList initial={items} next={next} />
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
