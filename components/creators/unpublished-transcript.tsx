import { Markdown } from "@/components/personas/markdown";
import type { MessageView } from "@/lib/chat/conversation-view";

/** A conversation with a persona that was unpublished: its messages as they were, and no composer. */
export function UnpublishedTranscript({
  personaName,
  messages,
}: {
  personaName: string;
  messages: MessageView[];
}) {
  return (
    <div className="flex flex-col gap-3">
      <p
        role="status"
        className="rounded-lg bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
        data-testid="persona-unpublished"
      >
        {personaName} was unpublished by a moderator. This conversation stays here to read, but it cannot
        continue.
      </p>
      <ol className="flex flex-col gap-3" data-testid="messages">
        {messages.map((m) => (
          <li
            key={m.id}
            data-testid={`message-${m.role}`}
            className={`rounded-2xl p-3 ${m.role === "user" ? "self-end bg-indigo-50 dark:bg-indigo-950" : "bg-white ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800"}`}
          >
            <Markdown>{m.content || "_(no text)_"}</Markdown>
          </li>
        ))}
      </ol>
    </div>
  );
}
