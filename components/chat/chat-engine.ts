// First: it configures zod before the AI SDK's modules build their schemas.
import "@/lib/zod-jitless";
import { Chat } from "@ai-sdk/react";
import { DefaultChatTransport } from "ai";
import { textOf, type ChatMessage } from "./chat-types";

/**
 * The AI SDK's chat for one conversation. This module (the SDK, and zod for its stream parsing) is
 * most of the chat page's JavaScript: useChatSession loads it with import() once the chat is used.
 */
export function createChat({
  id,
  personaId,
  messages,
  onConversationId,
  onFinish,
  onError,
}: {
  id: string;
  personaId: string;
  messages: ChatMessage[];
  /** The server named the conversation (a new one) in a header. */
  onConversationId: (id: string) => void;
  onFinish: (message: ChatMessage) => void;
  onError: (error: Error, chat: Chat<ChatMessage>) => void;
}): Chat<ChatMessage> {
  const chat: Chat<ChatMessage> = new Chat<ChatMessage>({
    id,
    messages,
    transport: new DefaultChatTransport<ChatMessage>({
      api: "/api/chat",
      // The server names a new conversation in a header; from then on the URL and requests use it.
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        const named = response.headers.get("X-Conversation-Id");
        if (response.ok && named) onConversationId(named);
        return response;
      },
      // Following a reply already being written: the server replays it from its start.
      prepareReconnectToStreamRequest: ({ id }) => ({
        api: `/api/conversations/${encodeURIComponent(id)}/stream`,
      }),
      prepareSendMessagesRequest: ({ messages, trigger, body }) => {
        const extra = body as { conversationId?: string | null; editAt?: number } | undefined;
        const conversation = extra?.conversationId ?? null;
        const last = messages.at(-1);
        return {
          body:
            trigger === "regenerate-message"
              ? { conversationId: conversation, trigger: "regenerate" }
              : {
                  ...(conversation ? { conversationId: conversation } : { personaId }),
                  message: last ? textOf(last) : "",
                  ...(extra?.editAt !== undefined
                    ? { trigger: "edit", editAt: extra.editAt }
                    : { trigger: "submit" }),
                },
        };
      },
    }),
    onFinish: ({ message }) => onFinish(message),
    onError: (error) => onError(error, chat),
  });
  return chat;
}
