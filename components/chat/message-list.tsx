"use client";

import { ChatMessage } from "./chat-message";
import type { ChatMessage as Message } from "./chat-types";

/** The conversation, oldest first. */
export function MessageList({
  messages,
  busy,
  personaName,
  avatar,
  onRetry,
}: {
  messages: Message[];
  /** Asks for the last reply again (shown on a reply that failed or was cut off). */
  onRetry: () => void;
  busy: boolean;
  personaName: string;
  avatar: string;
}) {
  return (
    <ol className="flex flex-1 flex-col gap-4" aria-label="Messages" data-testid="messages">
      {messages.map((m, i) => (
        <ChatMessage
          key={m.id}
          message={m}
          live={busy && i === messages.length - 1 && m.role === "assistant"}
          personaName={personaName}
          avatar={avatar}
          onRetry={!busy && i === messages.length - 1 && i > 1 ? onRetry : undefined}
        />
      ))}
    </ol>
  );
}
