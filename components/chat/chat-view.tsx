"use client";

import type { MessageView } from "@/lib/chat/conversation-view";
import { ChatNotice } from "./chat-notice";
import type { ChatPersona } from "./chat-types";
import { Composer } from "./composer";
import { HandoffMenu } from "./handoff-menu";
import { MessageList } from "./message-list";
import { Starters } from "./starters";
import { useChatSession } from "./use-chat-session";

export type ChatViewProps = {
  conversationId: string | null;
  persona: ChatPersona;
  initialMessages: MessageView[];
  initialPrompt?: string;
  streaming?: boolean;
};

export function ChatView({
  conversationId,
  persona,
  initialMessages,
  initialPrompt,
  streaming,
}: ChatViewProps) {
  const session = useChatSession({
    conversationId,
    personaId: persona.id,
    initialMessages,
    initialPrompt,
    streaming,
  });
  const { messages, busy, convId } = session;
  const onlyGreeting = messages.length <= 1;
  const lastAssistant = messages.at(-1)?.role === "assistant" && messages.length > 2;
  const buttonClass =
    "rounded-lg border border-zinc-300 px-3 py-1.5 font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";

  return (
    <div className="flex min-h-[70vh] flex-col gap-4">
      <MessageList messages={messages} busy={busy} personaName={persona.name} avatar={persona.avatar} />
      {onlyGreeting && persona.starters.length > 0 && (
        <Starters starters={persona.starters} disabled={busy} onPick={session.send} />
      )}
      {session.notice && <ChatNotice notice={session.notice} personaId={persona.id} />}
      <div className="flex flex-wrap items-center gap-2 text-sm">
        {busy ? (
          <button type="button" onClick={session.stopReply} className={buttonClass}>
            Stop
          </button>
        ) : (
          lastAssistant && (
            <button type="button" onClick={session.regenerateLast} className={buttonClass}>
              Regenerate
            </button>
          )
        )}
        {convId && persona.worksWellWith.length > 0 && !busy && (
          <HandoffMenu conversationId={convId} targets={persona.worksWellWith} onError={session.setNotice} />
        )}
      </div>
      <Composer
        value={session.draft}
        onChange={session.setDraft}
        onSend={session.send}
        disabled={busy}
        personaName={persona.name}
      />
    </div>
  );
}
