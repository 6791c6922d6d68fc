"use client";

import { ChatMessage } from "./chat-message";
import type { VersionView } from "@/lib/chat/conversation-view";
import type { ChatMessage as Message, Prerendered } from "./chat-types";

/** The conversation, oldest first. */
export function MessageList({
  messages,
  rendered,
  busy,
  personaName,
  avatar,
  onRetry,
  onEdit,
  versions,
  onChooseVersion,
}: {
  messages: Message[];
  /** Replies rendered on the server, by id. */
  rendered: Record<string, Prerendered>;
  /** Asks for the last reply again (shown on a reply that failed or was cut off). */
  onRetry: () => void;
  onEdit: (text: string) => void;
  /** The last reply's versions, when it has more than one. */
  versions: VersionView[];
  onChooseVersion: (id: string) => void;
  busy: boolean;
  personaName: string;
  avatar: string;
}) {
  return (
    <ol className="flex flex-1 flex-col gap-4" aria-label="Messages" data-testid="messages">
      {messages.map((m, i) => {
        const isLast = i === messages.length - 1;
        const lastUser = m.role === "user" && messages.slice(i + 1).every((n) => n.role !== "user");
        return (
          <ChatMessage
            key={m.id}
            message={m}
            prerendered={rendered[m.id]}
            live={busy && i === messages.length - 1 && m.role === "assistant"}
            personaName={personaName}
            avatar={avatar}
            onRetry={!busy && isLast && i > 1 ? onRetry : undefined}
            onEdit={!busy && lastUser ? onEdit : undefined}
            versions={isLast && m.role === "assistant" && !busy ? versions : undefined}
            onChooseVersion={onChooseVersion}
          />
        );
      })}
    </ol>
  );
}
