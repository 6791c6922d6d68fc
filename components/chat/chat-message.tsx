"use client";

import { lazy, Suspense, useState } from "react";
import type { VersionView } from "@/lib/chat/conversation-view";
import { MessageActions } from "./message-actions";
import { ReplyFeedback } from "@/components/versions/reply-feedback";
import { MessageEditor } from "./message-editor";
import { textOf, type ChatMessage as Message, type Prerendered } from "./chat-types";

const STATUS_NOTES: Record<string, string> = {
  interrupted: "This reply was cut off before it finished. What arrived is kept.",
  stopped: "You stopped this reply.",
  streaming: "Still being written… this updates by itself.",
};

// Replies on the page when it loads come rendered from the server; the renderer is fetched for new ones.
export const loadChatMarkdown = () => import("./chat-markdown");
const ChatMarkdown = lazy(() => loadChatMarkdown().then((m) => ({ default: m.ChatMarkdown })));

const retryClass =
  "mt-2 inline-flex min-h-8 items-center rounded-lg border border-zinc-300 px-3 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";

/** One message: the user's as plain text, the persona's as Markdown, and what happened if it did not finish. */
export function ChatMessage({
  message,
  prerendered,
  live,
  personaName,
  avatar,
  onRetry,
  onEdit,
  versions,
  onChooseVersion,
  onChooseBranch,
}: {
  message: Message;
  /** The reply rendered on the server, while the message still has its text. */
  prerendered?: Prerendered;
  /** This is the reply being streamed right now. */
  live: boolean;
  personaName: string;
  avatar: string;
  /** Given for the last reply when it may be asked for again. */
  onRetry?: () => void;
  /** Given for the user's messages: a new branch with this text from here, answered anew. */
  onEdit?: (text: string) => void;
  versions?: VersionView[];
  onChooseVersion?: (id: string) => void;
  /** Shows another version of this turn (an earlier edit or reply, with what followed it). */
  onChooseBranch?: (id: string) => void;
}) {
  const [editing, setEditing] = useState(false);
  const text = textOf(message);
  const state = message.metadata?.status;
  const mine = message.role === "user";
  // Failed before a single word (stored as an empty interrupted reply): there is nothing to keep.
  const noReply = !mine && !live && !text && (state === "interrupted" || state === "stopped");
  return (
    <li
      // The conversation search opens a chat at a message by this anchor (app/chat/search).
      id={`m-${message.id}`}
      className={`group flex min-w-0 scroll-mt-24 gap-2 rounded-lg sm:gap-3 target:ring-2 target:ring-amber-400 ${mine ? "justify-end" : ""}`}
      data-testid={`message-${message.role}`}
      data-status={live ? "streaming" : (state ?? "complete")}
    >
      {!mine && (
        <span className="text-2xl" aria-hidden="true">
          {avatar}
        </span>
      )}
      <div
        className={`flex min-w-0 max-w-[85%] flex-col gap-1 ${mine ? "items-end" : "items-start"} ${editing ? "w-full" : ""}`}
      >
        {editing && onEdit ? (
          <MessageEditor
            initial={text}
            onCancel={() => setEditing(false)}
            onSend={(next) => {
              setEditing(false);
              onEdit(next);
            }}
          />
        ) : (
          <div
            className={`min-w-0 max-w-full rounded-2xl p-3 shadow-sm [overflow-wrap:anywhere] sm:p-4 ${mine ? "rounded-tr-sm bg-indigo-600 text-white" : "rounded-tl-sm bg-white ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800"}`}
          >
            <span className="sr-only">{mine ? "You said:" : `${personaName} said:`}</span>
            {mine ? (
              <p className="whitespace-pre-wrap">{text}</p>
            ) : noReply ? (
              <div data-testid="no-reply">
                <p className="font-medium text-rose-800 dark:text-rose-300">
                  {state === "stopped" ? "You stopped this reply before it began." : "Couldn't get a reply."}
                </p>
                {state !== "stopped" && (
                  <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
                    {message.metadata?.error
                      ? "It wasn't counted against today's messages."
                      : "Nothing arrived from the model."}
                  </p>
                )}
              </div>
            ) : prerendered?.text === text && text ? (
              prerendered.node
            ) : text ? (
              <Suspense fallback={<p className="whitespace-pre-wrap">{text}</p>}>
                <ChatMarkdown live={live}>{text}</ChatMarkdown>
              </Suspense>
            ) : (
              <p className="text-zinc-600 motion-safe:animate-pulse dark:text-zinc-400" aria-live="polite">
                Thinking…
              </p>
            )}
            {!live && !noReply && state && STATUS_NOTES[state] && (
              <p
                className="mt-2 text-xs font-medium text-amber-800 dark:text-amber-300"
                data-testid="message-note"
              >
                {STATUS_NOTES[state]}
              </p>
            )}
            {onRetry && (noReply || state === "interrupted") && (
              <button type="button" onClick={onRetry} className={retryClass}>
                Retry
              </button>
            )}
          </div>
        )}
        {!live && !editing && (
          <MessageActions
            text={text}
            createdAt={message.metadata?.createdAt}
            versions={versions}
            currentId={message.id}
            onChooseVersion={onChooseVersion}
            branches={message.metadata?.branches}
            onChooseBranch={onChooseBranch}
            onEdit={onEdit ? () => setEditing(true) : undefined}
            align={mine ? "end" : "start"}
          />
        )}
        {!live && !editing && !mine && text && (
          <ReplyFeedback
            messageId={message.metadata?.messageId ?? message.id}
            conversationId={message.metadata?.conversationId}
          />
        )}
      </div>
    </li>
  );
}
