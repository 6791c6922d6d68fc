"use client";

import { Chat, useChat } from "@ai-sdk/react";
import { DefaultChatTransport } from "ai";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { MessageView, VersionView } from "@/lib/chat/conversation-view";
import { apiError, callApi } from "./api-error";
import { textOf, toUi, versionOf, withVersion, type ChatMessage, type Notice } from "./chat-types";
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
  const lastInitial = initialMessages.at(-1);
  // The versions of the last reply (Regenerate), oldest first; empty while it has only one.
  const [versions, setVersions] = useState<VersionView[]>(
    lastInitial?.role === "assistant" ? (lastInitial.versions ?? []) : [],
  );

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
          const extra = body as { conversationId?: string | null; edit?: boolean } | undefined;
          const conversation = extra?.conversationId ?? null;
          const last = messages.at(-1);
          return {
            body:
              trigger === "regenerate-message"
                ? { conversationId: conversation, trigger: "regenerate" }
                : {
                    ...(conversation ? { conversationId: conversation } : { personaId }),
                    message: last ? textOf(last) : "",
                    trigger: extra?.edit ? "edit" : "submit",
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

  const now = () => new Date().toISOString();

  async function send(text: string) {
    setNotice(null);
    setDraft("");
    setVersions([]);
    await sendMessage({ text, metadata: { createdAt: now() } }, { body: { conversationId: convId } });
  }

  /** Replaces the user's last message (and the reply to it) with this text, and asks again. */
  async function editLast(text: string) {
    const at = messages.findLastIndex((m) => m.role === "user");
    if (at < 0 || !convId) return;
    setNotice(null);
    setVersions([]);
    const before = messages;
    setMessages(messages.slice(0, at));
    await sendMessage(
      { text, metadata: { createdAt: now() } },
      { body: { conversationId: convId, edit: true } },
    );
    // Refused (the text is back in the box): the conversation shows what it still has.
    if (chat.status === "error") setMessages(before);
  }

  function regenerateLast() {
    setNotice(null);
    const last = messages.at(-1);
    // The reply being replaced stays as a version (the server keeps it too), unless it has no text.
    if (last?.role === "assistant" && textOf(last)) setVersions((v) => withVersion(v, versionOf(last)));
    void regenerate({ body: { conversationId: convId } });
  }

  /** The last reply's versions as shown: the one on screen in its place. */
  const last = messages.at(-1);
  const shownVersions =
    last?.role === "assistant" && versions.length > 0 ? withVersion(versions, versionOf(last)) : [];

  async function chooseVersion(id: string) {
    const target = shownVersions.find((v) => v.id === id);
    if (!target || !convId) return;
    setVersions(shownVersions);
    setMessages([...messages.slice(0, -1), toUi({ ...target, role: "assistant" })]);
    try {
      await callApi(`/api/conversations/${convId}/versions`, {
        method: "POST",
        body: JSON.stringify({ messageId: id }),
      });
    } catch (e) {
      setNotice(apiError(e));
    }
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

  return {
    convId,
    messages,
    busy,
    draft,
    setDraft,
    notice,
    setNotice,
    send,
    editLast,
    regenerateLast,
    stopReply,
    versions: shownVersions,
    chooseVersion,
  };
}
