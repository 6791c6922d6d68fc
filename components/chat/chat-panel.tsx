"use client";

import Link from "next/link";
import { useEffect } from "react";
import type { MessageView } from "@/lib/chat/conversation-view";
import { ChatNotice } from "./chat-notice";
import { loadChatMarkdown } from "./chat-message";
import type { ChatPersona, ChatViewer, Prerendered } from "./chat-types";
import { Composer } from "./composer";
import { HandoffMenu } from "./handoff-menu";
import { MessageList } from "./message-list";
import { Starters } from "./starters";
import { useChatSession } from "./use-chat-session";
import { useFinishAnnouncement } from "./use-finish-announcement";
import { useFollow } from "./use-follow";

export type ChatPanelProps = {
  conversationId: string | null;
  persona: ChatPersona;
  viewer: ChatViewer;
  initialMessages: MessageView[];
  /** The initial replies' Markdown, rendered on the server, by message id. */
  rendered: Record<string, Prerendered>;
  initialPrompt?: string;
  streaming?: boolean;
};

/** The chat in the browser: the conversation, the composer and the actions on the last reply. */
export function ChatPanel({
  conversationId,
  persona,
  viewer,
  initialMessages,
  rendered,
  initialPrompt,
  streaming,
}: ChatPanelProps) {
  const session = useChatSession({
    conversationId,
    personaId: persona.id,
    initialMessages,
    initialPrompt,
    streaming,
  });
  const { scroller, content, atBottom, follow, onScroll } = useFollow<HTMLDivElement, HTMLDivElement>();
  const { messages, busy, convId } = session;
  // A reply is on its way: fetch the Markdown renderer now rather than when its first words arrive.
  useEffect(() => {
    if (busy) void loadChatMarkdown();
  }, [busy]);
  const finished = useFinishAnnouncement(messages, busy, persona.name);
  const onlyGreeting = messages.length <= 1;
  const last = messages.at(-1);
  // A reply that failed or was cut off has Retry in itself.
  const lastAssistant =
    last?.role === "assistant" && messages.length > 2 && last.metadata?.status !== "interrupted";
  const buttonClass =
    "min-h-8 rounded-lg border border-zinc-300 px-2 py-1 font-medium sm:px-3 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";

  function send(text: string) {
    follow();
    void session.send(text);
  }

  return (
    // The first focus or press in the chat fetches the chat client, before the first Send needs it.
    <div
      className="flex min-h-0 flex-1 flex-col gap-2"
      onFocus={session.prepare}
      onPointerDown={session.prepare}
    >
      <div className="relative min-h-0 flex-1">
        <div
          ref={scroller}
          onScroll={onScroll}
          tabIndex={0}
          role="region"
          aria-label="Conversation"
          data-testid="chat-scroller"
          className="h-full overflow-y-auto overscroll-contain rounded-lg pr-1"
        >
          <div ref={content} className="flex flex-col gap-4 pb-2">
            <MessageList
              messages={messages}
              rendered={rendered}
              busy={busy}
              personaName={persona.name}
              avatar={persona.avatar}
              onRetry={session.regenerateLast}
              onEdit={(at, text) => {
                follow();
                void session.editAt(at, text);
              }}
              versions={session.versions}
              onChooseVersion={session.chooseVersion}
              onChooseBranch={(id) => void session.chooseBranch(id)}
            />
            {onlyGreeting && persona.starters.length > 0 && (
              <Starters starters={persona.starters} disabled={busy} onPick={send} />
            )}
          </div>
        </div>
        {!atBottom && (
          <button
            type="button"
            onClick={follow}
            className="absolute bottom-3 left-1/2 min-h-9 -translate-x-1/2 rounded-full border border-zinc-300 bg-white px-4 text-sm font-medium shadow-md hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
          >
            Jump to latest <span aria-hidden="true">↓</span>
          </button>
        )}
      </div>
      {session.notice && (
        <ChatNotice
          notice={session.notice}
          persona={persona}
          viewer={viewer}
          draft={session.draft}
          conversationId={convId}
        />
      )}
      {!busy && (lastAssistant || convId) && (
        <div className="flex flex-wrap items-center gap-1.5 text-sm sm:gap-2">
          {lastAssistant && (
            <button type="button" onClick={session.regenerateLast} className={buttonClass}>
              Regenerate
            </button>
          )}
          {convId && persona.worksWellWith.length > 0 && (
            <HandoffMenu
              conversationId={convId}
              targets={persona.worksWellWith}
              viewer={viewer}
              onError={session.setNotice}
            />
          )}
          {convId && (
            <a
              href={`/api/conversations/${convId}/export`}
              className={`${buttonClass} inline-flex items-center`}
              download
            >
              Export<span className="hidden sm:inline">&nbsp;as Markdown</span>
            </a>
          )}
          {convId && (
            <Link href={`/chat?persona=${persona.id}`} className={`${buttonClass} inline-flex items-center`}>
              New chat
            </Link>
          )}
        </div>
      )}
      <p className="sr-only" aria-live="polite" data-testid="reply-finished">
        {finished}
      </p>
      <Composer
        value={session.draft}
        onChange={session.setDraft}
        onSend={send}
        onStop={session.stopReply}
        busy={busy}
        personaName={persona.name}
      />
    </div>
  );
}
