import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ServerChatMarkdown } from "@/components/chat/server-chat-markdown";
import { PersonaCard } from "@/components/personas/persona-card";
import { getChatActor } from "@/lib/auth/actor";
import { sharedView, type SharedView } from "@/lib/community/shares";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getCatalog } from "@/lib/personas";
import { TIER_LABELS } from "@/lib/tiers";

type Props = {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Shared conversation", robots: { index: false, follow: false } };

async function load(
  token: string,
  tier: Parameters<typeof sharedView>[0]["viewerTier"],
): Promise<SharedView> {
  try {
    return await sharedView({ db: getDb(), catalog: getCatalog(), token, viewerTier: tier });
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

/** A read-only snapshot: the persona's card, the messages as shared; never the owner or the paid prompt. */
export default async function SharedConversationPage({ params, searchParams }: Props) {
  const { token } = await params;
  const { refused } = await searchParams;
  const actor = await getChatActor();
  const view = await load(token, actor.kind === "user" ? actor.tier : null);
  return (
    <article className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <p className="text-sm text-zinc-700 dark:text-zinc-300">A shared conversation</p>
        <h1 className="text-2xl font-bold" data-testid="shared-title">
          {view.title}
        </h1>
      </header>
      <div className="max-w-md">
        <PersonaCard persona={view.persona} headingLevel={2} />
      </div>
      <ol className="flex flex-col gap-3" data-testid="shared-messages">
        {view.messages.map((m, i) => (
          <li
            key={i}
            className={
              m.role === "user"
                ? "self-end rounded-2xl bg-indigo-600 p-3 text-white"
                : "rounded-2xl bg-white p-3 ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800"
            }
          >
            <span className="sr-only">{m.role === "user" ? "User:" : `${view.persona.name}:`}</span>
            {m.role === "user" ? (
              <p className="whitespace-pre-wrap">{m.content}</p>
            ) : (
              <ServerChatMarkdown>{m.content}</ServerChatMarkdown>
            )}
          </li>
        ))}
      </ol>
      {refused && (
        <p role="alert" className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
          {refused === "rate_limited"
            ? "Too many new guest chats from your network: sign up to continue."
            : `Continuing needs ${TIER_LABELS[view.persona.tier]}.`}
        </p>
      )}
      {view.locked ? (
        <p className="text-sm" data-testid="shared-locked">
          {view.persona.name} is part of {TIER_LABELS[view.persona.tier]}: this conversation can be read, but
          continuing it needs that plan.{" "}
          <Link href="/pricing" className="text-indigo-700 underline dark:text-indigo-300">
            See plans
          </Link>
        </p>
      ) : (
        <form method="post" action={`/share/${token}/continue`}>
          <button
            type="submit"
            className="rounded-xl bg-indigo-600 px-5 py-2.5 font-semibold text-white hover:bg-indigo-700"
          >
            Continue this chat
          </button>
        </form>
      )}
    </article>
  );
}
