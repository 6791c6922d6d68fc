"use client";

import { Chat, useChat } from "@ai-sdk/react";
import { DefaultChatTransport } from "ai";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { MessageView } from "@/lib/chat/conversation-view";
import { apiError, callApi } from "./api-error";
import { textOf, toUi, type ChatMessage, type Notice } from "./chat-types";
import { announceConversationsChanged } from "./conversation-events";

/**
 * One conversation's state on the client: the AI SDK chat, the conversation id (known once the
 * server names a new one), the composer's draft and the notice shown above it.
 */
export function useChatSession({
  conversationId,
  personaId,
  initialMessages,
  initialPrompt,
  streaming,
}: {
  conversationId: string | null;
  personaId: string;
  initialMessages: MessageView[];
  initialPrompt?: string;
  streaming?: boolean;
}) {
  const router = useRouter();
  const [convId, setConvId] = useState(conversationId);
  const [draft, setDraft] = useState(initialPrompt ?? "");
  const [notice, setNotice] = useState<Notice | null>(null);

  const [chat] = useState(() => {
    const instance: Chat<ChatMessage> = new Chat<ChatMessage>({
      id: conversationId ?? `new-${personaId}`,
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
                    ...(conversation ? { conversationId: conversation } : { personaId }),
                    message: last ? textOf(last) : "",
                    trigger: "submit",
                  },
          };
        },
      }),
      // Once a reply is saved, a new conversation takes its own address in place (history, not a
      // navigation, so nothing remounts: scroll and focus stay) and the sidebar lists it.
      onFinish: ({ message }) => {
        const id = message.metadata?.conversationId;
        if (
          !conversationId &&
          id &&
          /^[0-9a-f-]{36}$/.test(id) &&
          window.location.pathname !== `/chat/${id}`
        ) {
          window.history.replaceState(window.history.state, "", `/chat/${id}`);
        }
        announceConversationsChanged();
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

  async function send(text: string) {
    setNotice(null);
    setDraft("");
    await sendMessage({ text }, { body: { conversationId: convId } });
  }

  function regenerateLast() {
    setNotice(null);
    void regenerate({ body: { conversationId: convId } });
  }

  async function stopReply() {
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

  return { convId, messages, busy, draft, setDraft, notice, setNotice, send, regenerateLast, stopReply };
}
