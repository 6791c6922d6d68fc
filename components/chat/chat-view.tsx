"use client";

// First: it configures zod before the AI SDK's modules build their schemas.
import "@/lib/zod-jitless";
import { Chat, useChat } from "@ai-sdk/react";
import { DefaultChatTransport, type UIMessage } from "ai";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { MessageView } from "@/lib/chat/conversation-view";
import type { ReplyMetadata } from "@/lib/chat/reply-stream";
import { safeCallbackPath } from "@/lib/http/safe-redirect";
import { apiError, callApi } from "./api-error";
import { ChatMarkdown } from "./chat-markdown";
import { Composer } from "./composer";

type Meta = Partial<ReplyMetadata> & { status?: MessageView["status"] };
type ChatMessage = UIMessage<Meta>;

export type ChatViewProps = {
  conversationId: string | null;
  persona: {
    id: string;
    name: string;
    avatar: string;
    starters: string[];
    worksWellWith: { id: string; name: string; avatar: string }[];
  };
  initialMessages: MessageView[];
  initialPrompt?: string;
  streaming?: boolean;
};

const toUi = (m: MessageView): ChatMessage => ({
  id: m.id,
  role: m.role,
  parts: [{ type: "text", text: m.content }],
  metadata: { status: m.status },
});
const textOf = (m: ChatMessage) => m.parts.map((p) => (p.type === "text" ? p.text : "")).join("");

const STATUS_NOTES: Record<string, string> = {
  interrupted: "This reply was cut off before it finished. What arrived is kept.",
  stopped: "You stopped this reply.",
  streaming: "Still being written… this updates by itself.",
};

export function ChatView({
  conversationId,
  persona,
  initialMessages,
  initialPrompt,
  streaming,
}: ChatViewProps) {
  const router = useRouter();
  const [convId, setConvId] = useState(conversationId);
  const [draft, setDraft] = useState(initialPrompt ?? "");
  const [notice, setNotice] = useState<{ code: string; message: string } | null>(null);
  const [handoffBusy, setHandoffBusy] = useState(false);

  const [chat] = useState(() => {
    const instance: Chat<ChatMessage> = new Chat<ChatMessage>({
      id: conversationId ?? `new-${persona.id}`,
      messages: initialMessages.map(toUi),
      transport: new DefaultChatTransport<ChatMessage>({
        api: "/api/chat",
        // The server names a new conversation in a header; from then on the URL and requests use it.
        fetch: async (input, init) => {
          const response = await fetch(input, init);
          const id = response.headers.get("X-Conversation-Id");
          if (response.ok && id) setConvId(id);
          return response;
        },
        prepareSendMessagesRequest: ({ messages, trigger, body }) => {
          const conversation =
            (body as { conversationId?: string | null } | undefined)?.conversationId ?? null;
          const last = messages.at(-1);
          return {
            body:
              trigger === "regenerate-message"
                ? { conversationId: conversation, trigger: "regenerate" }
                : {
                    ...(conversation ? { conversationId: conversation } : { personaId: persona.id }),
                    message: last ? textOf(last) : "",
                    trigger: "submit",
                  },
          };
        },
      }),
      // Once a reply is saved: a new conversation moves to its own URL, and the sidebar (in the shared
      // chat layout, which a navigation alone does not re-render) is refreshed to list it.
      onFinish: ({ message }) => {
        const id = message.metadata?.conversationId;
        if (!conversationId && id) router.replace(safeCallbackPath(`/chat/${id}`, "/chat"));
        router.refresh();
      },
      // A refused request saved nothing: take its message back out of the list and into the box.
      onError: (error) => {
        setNotice(apiError(error));
        const current = instance.messages;
        const last = current.at(-1);
        if (last?.role === "user") {
          setDraft(textOf(last));
          instance.messages = current.slice(0, -1);
        } else if (last?.role === "assistant" && !textOf(last)) {
          instance.messages = current.slice(0, -1);
        }
      },
    });
    return instance;
  });
  const { messages, sendMessage, regenerate, stop, status, setMessages } = useChat<ChatMessage>({ chat });

  // Opened while a reply is still being written elsewhere: look again until it is done.
  useEffect(() => {
    if (!streaming) return;
    const timer = setInterval(() => router.refresh(), 1500);
    return () => clearInterval(timer);
  }, [streaming, router]);

  const busy = status === "submitted" || status === "streaming";
  const onlyGreeting = messages.length <= 1;
  const lastAssistant = messages.at(-1)?.role === "assistant" && messages.length > 2;

  async function send(text: string) {
    setNotice(null);
    setDraft("");
    await sendMessage({ text }, { body: { conversationId: convId } });
  }

  async function onStop() {
    await stop();
    const id = convId;
    if (!id) return;
    await callApi(`/api/conversations/${id}/stop`, { method: "POST", body: "{}" }).catch(() => undefined);
    setMessages((current) => {
      const last = current.at(-1);
      return last?.role === "assistant"
        ? [...current.slice(0, -1), { ...last, metadata: { ...last.metadata, status: "stopped" } }]
        : current;
    });
  }

  async function continueWith(personaId: string) {
    if (!convId) return;
    setHandoffBusy(true);
    try {
      const result = (await callApi(`/api/conversations/${convId}/handoff`, {
        method: "POST",
        body: JSON.stringify({ personaId }),
      })) as { url: string };
      router.push(safeCallbackPath(result.url, "/chat"));
      router.refresh();
    } catch (e) {
      setNotice(apiError(e));
    } finally {
      setHandoffBusy(false);
    }
  }

  return (
    <div className="flex min-h-[70vh] flex-col gap-4">
      <ol className="flex flex-1 flex-col gap-4" aria-label="Messages" data-testid="messages">
        {messages.map((m, i) => {
          const text = textOf(m);
          const state = m.metadata?.status;
          const live = busy && i === messages.length - 1 && m.role === "assistant";
          return (
            <li
              key={m.id}
              className={`flex gap-3 ${m.role === "user" ? "justify-end" : ""}`}
              data-testid={`message-${m.role}`}
              data-status={live ? "streaming" : (state ?? "complete")}
            >
              {m.role === "assistant" && (
                <span className="text-2xl" aria-hidden="true">
                  {persona.avatar}
                </span>
              )}
              <div
                className={`max-w-[85%] rounded-2xl p-4 shadow-sm ${m.role === "user" ? "rounded-tr-sm bg-indigo-600 text-white" : "rounded-tl-sm bg-white ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800"}`}
              >
                <span className="sr-only">{m.role === "user" ? "You said:" : `${persona.name} said:`}</span>
                {m.role === "user" ? (
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
        })}
      </ol>

      {onlyGreeting && persona.starters.length > 0 && (
        <ul className="grid gap-2 sm:grid-cols-2" aria-label="Conversation starters">
          {persona.starters.map((s) => (
            <li key={s}>
              <button
                type="button"
                disabled={busy}
                onClick={() => send(s)}
                className="h-full w-full rounded-xl border border-zinc-200 p-3 text-left text-sm hover:border-indigo-400 hover:bg-indigo-50 disabled:opacity-60 dark:border-zinc-800 dark:hover:bg-indigo-950"
              >
                {s}
              </button>
            </li>
          ))}
        </ul>
      )}

      {notice && (
        <div
          role="alert"
          className="rounded-lg border border-rose-300 bg-rose-50 p-3 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100"
          data-testid="chat-error"
        >
          <p>{notice.message}</p>
          {notice.code === "forbidden" && (
            <p className="mt-1">
              <Link href="/pricing" className="underline">
                See plans
              </Link>{" "}
              ·{" "}
              <Link href="/account#redeem" className="underline">
                Redeem a code
              </Link>{" "}
              ·{" "}
              <Link
                href={`/sign-in?callbackUrl=${encodeURIComponent(`/chat?persona=${persona.id}`)}`}
                className="underline"
              >
                Sign in
              </Link>
            </p>
          )}
          {notice.code === "rate_limited" && (
            <p className="mt-1">
              <Link href="/pricing" className="underline">
                Upgrade for more messages
              </Link>
            </p>
          )}
        </div>
      )}

      <div className="flex flex-wrap items-center gap-2 text-sm">
        {busy ? (
          <button
            type="button"
            onClick={onStop}
            className="rounded-lg border border-zinc-300 px-3 py-1.5 font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            Stop
          </button>
        ) : (
          lastAssistant && (
            <button
              type="button"
              onClick={() => {
                setNotice(null);
                void regenerate({ body: { conversationId: convId } });
              }}
              className="rounded-lg border border-zinc-300 px-3 py-1.5 font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
            >
              Regenerate
            </button>
          )
        )}
        {convId && persona.worksWellWith.length > 0 && !busy && (
          <details className="relative">
            <summary className="cursor-pointer rounded-lg border border-zinc-300 px-3 py-1.5 font-medium dark:border-zinc-700">
              Continue with…
            </summary>
            <ul className="absolute bottom-full z-10 mb-2 flex w-64 flex-col gap-1 rounded-xl border border-zinc-200 bg-white p-2 shadow-lg dark:border-zinc-800 dark:bg-zinc-900">
              {persona.worksWellWith.map((p) => (
                <li key={p.id}>
                  <button
                    type="button"
                    disabled={handoffBusy}
                    onClick={() => continueWith(p.id)}
                    className="w-full rounded-lg px-2 py-1.5 text-left hover:bg-zinc-100 dark:hover:bg-zinc-800"
                  >
                    <span aria-hidden="true">{p.avatar}</span> {p.name}
                  </button>
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>

      <Composer value={draft} onChange={setDraft} onSend={send} disabled={busy} personaName={persona.name} />
    </div>
  );
}
