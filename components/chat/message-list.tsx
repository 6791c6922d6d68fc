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
  onChooseBranch,
}: {
  messages: Message[];
  /** Replies rendered on the server, by id. */
  rendered: Record<string, Prerendered>;
  /** Asks for the last reply again (shown on a reply that failed or was cut off). */
  onRetry: () => void;
  /** Edits the user's message at this position on the path: a new branch from there. */
  onEdit: (at: number, text: string) => void;
  /** Shows another version of a turn (‹ 2/3 ›), by id. */
  onChooseBranch: (id: string) => void;
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
        return (
          <ChatMessage
            key={m.id}
            message={m}
            prerendered={rendered[m.id]}
            live={busy && i === messages.length - 1 && m.role === "assistant"}
            personaName={personaName}
            avatar={avatar}
            onRetry={!busy && isLast && i > 1 ? onRetry : undefined}
            onEdit={!busy && m.role === "user" ? (text) => onEdit(i, text) : undefined}
            versions={isLast && m.role === "assistant" && !busy ? versions : undefined}
            onChooseVersion={onChooseVersion}
            onChooseBranch={busy ? undefined : onChooseBranch}
          />
        );
      })}
    </ol>
  );
}
