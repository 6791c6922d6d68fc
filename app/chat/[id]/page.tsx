import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LockedChat, NoModelNotice } from "@/components/chat/chat-gate";
import { ChatView } from "@/components/chat/chat-view";
import { getChatActor } from "@/lib/auth/actor";
import { chatPersona } from "@/lib/chat/persona-view";
import { conversationView } from "@/lib/chat/conversation-view";
import { chatSettings, NO_MODEL_HELP } from "@/lib/chat/provider";
import { ModelNote } from "@/components/chat/model-note";
import { conversationIdSchema } from "@/lib/chat/validation";
import { ShareButton } from "@/components/community/share-button";
import { favoriteSet, favoritesFirst } from "@/lib/community/favorites";
import { getDb } from "@/lib/db/client";
import { getConversationPersonaVersion } from "@/lib/db/queries/conversations";
import { getCatalog } from "@/lib/personas";
import { DAILY_MESSAGE_QUOTA, mayChat } from "@/lib/tiers";

export const metadata: Metadata = { title: "Chat", robots: { index: false } };

/** A conversation: only its owner sees it; for anyone else (or a bad id) it does not exist. */
export default async function ConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const id = conversationIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const actor = await getChatActor();
  if (!actor.userId) notFound();
  const catalog = getCatalog();
  const view = await conversationView({ db: getDb(), catalog, id: id.data, userId: actor.userId });
  if (!view) notFound();
  const persona = catalog.byId.get(view.persona.id)!;
  const startedWith = await getConversationPersonaVersion({ db: getDb(), id: view.id, userId: actor.userId });
  const allowed = mayChat(actor, persona.tier);

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-2 sm:gap-4">
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1 pr-24 lg:pr-0">
        <span className="text-2xl sm:text-4xl" aria-hidden="true">
          {view.persona.avatar}
        </span>
        <div className="min-w-0 flex-1">
          <h1 className="truncate text-lg font-bold sm:text-2xl" data-testid="conversation-title">
            {view.title}
          </h1>
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            with{" "}
            <Link
              href={`/personas/${view.persona.id}`}
              className="text-indigo-700 underline dark:text-indigo-300"
            >
              {view.persona.name}
            </Link>
          </p>
        </div>
        <ShareButton conversationId={view.id} />
      </header>
      {startedWith && startedWith !== persona.version && (
        <p
          className="rounded-lg bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
          data-testid="persona-updated"
        >
          {persona.name} has been updated since this conversation started (version {startedWith}): replies now
          come from version {persona.version}.
        </p>
      )}
      {view.parent && (
        <div className="rounded-lg bg-zinc-100 p-2 text-sm dark:bg-zinc-900" data-testid="handoff-parent">
          <p>
            Continued from{" "}
            <Link href={`/chat/${view.parent.id}`} className="underline">
              your conversation with {view.parent.personaName}
            </Link>
            .
          </p>
          {view.handoffContext && (
            <details className="mt-1">
              <summary className="cursor-pointer">What was passed on</summary>
              <p className="mt-1 max-h-40 overflow-y-auto whitespace-pre-wrap text-xs [overflow-wrap:anywhere]">
                {view.handoffContext}
              </p>
            </details>
          )}
        </div>
      )}
      {view.children.length > 0 && (
        <p className="rounded-lg bg-zinc-100 p-2 text-sm dark:bg-zinc-900" data-testid="handoff-children">
          Continued with{" "}
          {view.children.map((c, i) => (
            <span key={c.id}>
              {i > 0 && ", "}
              <Link href={`/chat/${c.id}`} className="underline">
                {c.personaName}
              </Link>
            </span>
          ))}
          .
        </p>
      )}
      {!allowed ? (
        <LockedChat persona={persona} actor={actor} />
      ) : !chatSettings() ? (
        <NoModelNotice help={NO_MODEL_HELP} />
      ) : (
        <ChatView
          // A reply still being written is followed live by the chat itself (useChatSession).
          key={view.id}
          conversationId={view.id}
          persona={withFavoritesFirst(
            chatPersona({ persona, catalog, actor }),
            await favoriteSet({ db: getDb(), userId: actor.userId }),
          )}
          viewer={{ kind: actor.kind, freeDailyMessages: DAILY_MESSAGE_QUOTA.free }}
          initialMessages={view.messages}
          streaming={view.streaming}
        />
      )}
      {allowed && <ModelNote />}
    </div>
  );
}

/** Favourites come first in "Continue with…". */
function withFavoritesFirst<P extends { worksWellWith: { id: string }[] }>(
  persona: P,
  starred: Set<string>,
): P {
  return { ...persona, worksWellWith: favoritesFirst(persona.worksWellWith, starred) };
}
