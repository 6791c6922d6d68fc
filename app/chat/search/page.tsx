import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { ConversationSearchForm } from "@/components/chat-search/search-form";
import { Snippet } from "@/components/chat-search/snippet";
import { getChatActor } from "@/lib/chat/actor";
import { getDb } from "@/lib/db/client";
import { searchConversations } from "@/lib/db/queries/conversation-search";
import { getCatalog } from "@/lib/personas";

export const metadata: Metadata = { title: "Search conversations", robots: { index: false } };

const paramsSchema = z.object({ q: z.string().trim().max(100).optional().catch(undefined) });

/** Search over the viewer's own conversations: titles and messages, each hit opening the chat there. */
export default async function ConversationSearchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, unknown>>;
}) {
  const { q } = paramsSchema.parse(await searchParams);
  const actor = await getChatActor();
  const hits = q && actor.userId ? await searchConversations({ db: getDb(), userId: actor.userId, q }) : [];
  const catalog = getCatalog();
  return (
    <div className="flex flex-col gap-4 pr-24 lg:pr-0">
      <h1 className="text-2xl font-bold">Search conversations</h1>
      <ConversationSearchForm q={q} />
      {!actor.userId ? (
        <p className="text-zinc-700 dark:text-zinc-300">
          You have no conversations yet.{" "}
          <Link href="/" className="text-indigo-700 underline dark:text-indigo-300">
            Choose a persona
          </Link>{" "}
          to start one.
        </p>
      ) : q ? (
        <section aria-labelledby="chat-search-results">
          <h2
            id="chat-search-results"
            className="mb-2 text-sm text-zinc-700 dark:text-zinc-300"
            aria-live="polite"
          >
            {hits.length === 0
              ? `Nothing in your conversations matches “${q}”.`
              : `${hits.length} ${hits.length === 1 ? "match" : "matches"} for “${q}”`}
          </h2>
          <ul className="flex flex-col gap-2" data-testid="chat-search-results">
            {hits.map((hit) => (
              <li key={`${hit.conversationId}:${hit.messageId ?? "title"}`}>
                <Link
                  href={
                    hit.messageId
                      ? `/chat/${hit.conversationId}#m-${hit.messageId}`
                      : `/chat/${hit.conversationId}`
                  }
                  className="block rounded-lg border border-zinc-200 p-3 hover:bg-zinc-100 dark:border-zinc-800 dark:hover:bg-zinc-900"
                  data-testid="chat-search-hit"
                >
                  <span className="flex items-center gap-2 text-sm font-semibold">
                    <span aria-hidden="true">{catalog.byId.get(hit.personaId)?.avatar ?? "💬"}</span>
                    {hit.messageId ? hit.title : <Snippet text={hit.snippet} />}
                  </span>
                  {hit.messageId && (
                    <span className="mt-1 block text-sm text-zinc-700 dark:text-zinc-300">
                      <span className="font-medium">{hit.role === "user" ? "You" : "Reply"}: </span>
                      <Snippet text={hit.snippet} />
                    </span>
                  )}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
