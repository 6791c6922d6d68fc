"use client";

import { ChatMarkdown } from "./chat-markdown";
import { textOf, type ChatMessage as Message } from "./chat-types";

const STATUS_NOTES: Record<string, string> = {
  interrupted: "This reply was cut off before it finished. What arrived is kept.",
  stopped: "You stopped this reply.",
  streaming: "Still being written… this updates by itself.",
};

/** One message: the user's as plain text, the persona's as Markdown, with a note if it did not finish. */
export function ChatMessage({
  message,
  live,
  personaName,
  avatar,
}: {
  message: Message;
  /** This is the reply being streamed right now. */
  live: boolean;
  personaName: string;
  avatar: string;
}) {
  const text = textOf(message);
  const state = message.metadata?.status;
  const mine = message.role === "user";
  return (
    <li
      className={`flex min-w-0 gap-2 sm:gap-3 ${mine ? "justify-end" : ""}`}
      data-testid={`message-${message.role}`}
      data-status={live ? "streaming" : (state ?? "complete")}
    >
      {!mine && (
        <span className="text-2xl" aria-hidden="true">
          {avatar}
        </span>
      )}
      <div
        className={`min-w-0 max-w-[85%] rounded-2xl p-3 shadow-sm [overflow-wrap:anywhere] sm:p-4 ${mine ? "rounded-tr-sm bg-indigo-600 text-white" : "rounded-tl-sm bg-white ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800"}`}
      >
        <span className="sr-only">{mine ? "You said:" : `${personaName} said:`}</span>
        {mine ? (
          <p className="whitespace-pre-wrap">{text}</p>
        ) : text ? (
          <ChatMarkdown>{text}</ChatMarkdown>
        ) : (
          <p className="animate-pulse text-zinc-500" aria-live="polite">
            Thinking…
          </p>
        )}
        {!live && state && STATUS_NOTES[state] && (
          <p
            className="mt-2 text-xs font-medium text-amber-800 dark:text-amber-300"
            data-testid="message-note"
          >
            {STATUS_NOTES[state]}
          </p>
        )}
      </div>
    </li>
  );
}
