"use client";

import type { Chat } from "@ai-sdk/react";
import type { ChatStatus } from "ai";
import { useEffect, useState } from "react";
import type { ChatMessage } from "./chat-types";

type Engine = typeof import("./chat-engine");
let engine: Promise<Engine> | null = null;
/** The AI SDK's chat client, fetched once per page the first time a chat needs it. */
export const loadChatEngine = () => (engine ??= import("./chat-engine"));

/**
 * A chat's messages and status as React state (what the SDK's useChat does, without importing
 * the SDK with the page): the initial messages until the chat is loaded, then the chat's own.
 */
export function useChatState(chat: Chat<ChatMessage> | null, initial: ChatMessage[]) {
  const [state, setState] = useState<{ messages: ChatMessage[]; status: ChatStatus }>({
    messages: initial,
    status: "ready",
  });
  useEffect(() => {
    if (!chat) return;
    const publish = () =>
      setState((s) =>
        s.messages === chat.messages && s.status === chat.status
          ? s
          : { messages: chat.messages, status: chat.status },
      );
    const stops = [
      chat["~registerMessagesCallback"](publish),
      chat["~registerStatusCallback"](publish),
      chat["~registerErrorCallback"](publish),
    ];
    publish();
    return () => stops.forEach((stop) => stop());
  }, [chat]);
  return state;
}
