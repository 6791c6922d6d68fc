import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { LockedChat, NoModelNotice } from "@/components/chat/chat-gate";
import { ChatView } from "@/components/chat/chat-view";
import { getChatActor } from "@/lib/auth/actor";
import { chatPersona } from "@/lib/chat/persona-view";
import { chatSettings, NO_MODEL_HELP } from "@/lib/chat/provider";
import { ModelNote } from "@/components/chat/model-note";
import { getCatalog } from "@/lib/personas";
import { DAILY_MESSAGE_QUOTA, mayChat } from "@/lib/tiers";

export const metadata: Metadata = { title: "Chat", robots: { index: false } };

const paramsSchema = z.object({
  persona: z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/)
    .optional()
    .catch(undefined),
  prompt: z.string().max(8000).optional().catch(undefined),
});

/** A new conversation with a persona: nothing is stored until the first message is sent. */
export default async function NewChatPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, unknown>>;
}) {
  const { persona: personaId, prompt } = paramsSchema.parse(await searchParams);
  if (!personaId) {
    return (
      <div className="flex flex-col gap-3 pr-24 lg:pr-0">
        <h1 className="text-2xl font-bold">Chat</h1>
        <p className="text-zinc-700 dark:text-zinc-300">
          <span className="lg:hidden">Open “Chats” to pick a conversation</span>
          <span className="hidden lg:inline">Pick a conversation on the left</span>, or{" "}
          <Link href="/" className="text-indigo-700 underline dark:text-indigo-300">
            choose a persona
          </Link>{" "}
          to start a new one.
        </p>
      </div>
    );
  }
  const catalog = getCatalog();
  const persona = catalog.byId.get(personaId);
  if (!persona) notFound();
  const actor = await getChatActor();
  const allowed = mayChat(actor, persona.tier);
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-2 sm:gap-4">
      <header className="flex items-center gap-3 pr-24 lg:pr-0">
        <span className="text-2xl sm:text-4xl" aria-hidden="true">
          {persona.avatar}
        </span>
        <div className="min-w-0">
          <h1 className="truncate text-lg font-bold sm:text-2xl">Chat with {persona.name}</h1>
          <Link
            href={`/personas/${persona.id}`}
            className="text-sm text-indigo-700 underline dark:text-indigo-300"
          >
            About this persona
          </Link>
        </div>
      </header>
      {!allowed ? (
        <LockedChat persona={persona} actor={actor} />
      ) : !chatSettings() ? (
        <NoModelNotice help={NO_MODEL_HELP} />
      ) : (
        <ChatView
          // A fresh chat each time the page is asked for, even at an address the last one moved away from.
          key={randomUUID()}
          conversationId={null}
          persona={chatPersona({ persona, catalog, actor })}
          viewer={{ kind: actor.kind, freeDailyMessages: DAILY_MESSAGE_QUOTA.free }}
          initialMessages={[
            {
              id: `greeting-${persona.id}`,
              role: "assistant",
              content: persona.greeting,
              status: "complete",
            },
          ]}
          initialPrompt={prompt}
        />
      )}
      {allowed && <ModelNote />}
    </div>
  );
}
