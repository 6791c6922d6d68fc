"use client";

import type { Chat } from "@ai-sdk/react";
import { useEffect, useRef, useState } from "react";
import type { MessageView, VersionView } from "@/lib/chat/conversation-view";
import { apiError, callApi } from "./api-error";
import { textOf, toUi, versionOf, withVersion, type ChatMessage, type Notice } from "./chat-types";
import { announceConversationsChanged, announceConversationTitled } from "./conversation-events";
import { loadChatEngine, useChatState } from "./use-chat-engine";

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
  const [convId, setConvId] = useState(conversationId);
  const [draft, setDraft] = useState(initialPrompt ?? "");
  const [notice, setNotice] = useState<Notice | null>(null);
  const lastInitial = initialMessages.at(-1);
  // The versions of the last reply (Regenerate), oldest first; empty while it has only one.
  const [versions, setVersions] = useState<VersionView[]>(
    lastInitial?.role === "assistant" ? (lastInitial.versions ?? []) : [],
  );

  const [initialUi] = useState(() => initialMessages.map(toUi));
  const [chat, setChat] = useState<Chat<ChatMessage> | null>(null);
  const loading = useRef<Promise<Chat<ChatMessage>> | null>(null);
  const loaded = useRef<Chat<ChatMessage> | null>(null);
  /** The AI SDK's chat, loaded the first time it is needed (a focus in the chat asks for it early). */
  function getChat(): Promise<Chat<ChatMessage>> {
    loading.current ??= loadChatEngine().then(({ createChat }) => {
      const instance = createChat({
        id: conversationId ?? `new-${personaId}`,
        personaId,
        messages: initialUi,
        onConversationId: setConvId,
        // Once a reply is saved, a new conversation takes its own address in place (history, not a
        // navigation, so nothing remounts: scroll and focus stay) and the sidebar lists it.
        onFinish: (message) => {
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
          // A new conversation's first reply: it has a title now, for the heading and Share.
          if (!conversationId && id && !titled.current) {
            titled.current = true;
            void announceTitle(id);
          }
        },
        // A refused request saved nothing: take its message back out of the list and into the box.
        onError: (error, self) => {
          setNotice(apiError(error));
          const current = self.messages;
          const last = current.at(-1);
          if (last?.role === "user") {
            setDraft(textOf(last));
            self.messages = current.slice(0, -1);
          } else if (last?.role === "assistant" && !textOf(last)) {
            self.messages = current.slice(0, -1);
          }
        },
      });
      loaded.current = instance;
      setChat(instance);
      return instance;
    });
    return loading.current;
  }
  /** Runs at once when the chat is loaded, so a click's updates land in one render (focus stays). */
  function withChat<T>(run: (chat: Chat<ChatMessage>) => T): T | Promise<T> {
    return loaded.current ? run(loaded.current) : getChat().then(run);
  }
  const waitingToSend = useRef(false);
  const titled = useRef(false);
  const { messages, status } = useChatState(chat, initialUi);
  const setMessages = (next: ChatMessage[] | ((current: ChatMessage[]) => ChatMessage[])) =>
    withChat((c) => {
      c.messages = typeof next === "function" ? next(c.messages) : next;
    });

  // Opened while a reply is still being written (in another tab, or on another instance): follow it
  // live from GET /api/conversations/:id/stream, which replays it from its start into the same
  // message. Nothing to follow (it ended meanwhile) or a broken stream: take what is saved, and
  // follow again while it is still being written.
  useEffect(() => {
    if (!streaming || !conversationId) return;
    let active = true;
    const saved = async () => {
      const response = await fetch(`/api/conversations/${conversationId}`).catch(() => null);
      return response?.ok
        ? ((await response.json()) as { messages: MessageView[]; streaming: boolean })
        : null;
    };
    const follow = async () => {
      const c = await getChat();
      while (active) {
        await c.resumeStream();
        const ended = c.status !== "error" && c.messages.at(-1)?.metadata?.status !== "streaming";
        if (!active || ended) return;
        const view = await saved();
        if (!active) return;
        if (view) c.messages = view.messages.map(toUi);
        if (view && !view.streaming) return;
        await new Promise((resolve) => setTimeout(resolve, 1500));
      }
    };
    void follow();
    return () => {
      active = false;
      // Only this page's copy of the stream: the reply itself goes on on the server.
      void loaded.current?.stop();
    };
    // getChat reads refs only: the conversation and its streaming flag decide.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [streaming, conversationId]);

  const busy = status === "submitted" || status === "streaming";

  const now = () => new Date().toISOString();

  async function announceTitle(id: string) {
    const response = await fetch(`/api/conversations/${id}`).catch(() => null);
    if (!response?.ok) return;
    const { title } = (await response.json()) as { title: string };
    announceConversationTitled({ id, title });
  }

  async function send(text: string) {
    // Sent again while the chat client is still on its way: the first one is going.
    if (waitingToSend.current) return;
    waitingToSend.current = !loaded.current;
    await withChat((c) => {
      waitingToSend.current = false;
      setNotice(null);
      setDraft("");
      setVersions([]);
      return c.sendMessage({ text, metadata: { createdAt: now() } }, { body: { conversationId: convId } });
    });
  }

  /**
   * The conversation as stored: after an edit or a regenerate, the page takes the server's ids and
   * the versions of every turn (‹ 2/3 ›) from it.
   */
  async function refresh(id = convId) {
    if (!id) return;
    const response = await fetch(`/api/conversations/${id}`).catch(() => null);
    if (!response?.ok) return;
    const view = (await response.json()) as { messages: MessageView[] };
    showStored(view.messages);
  }
  function showStored(stored: MessageView[]) {
    const last = stored.at(-1);
    setVersions(last?.role === "assistant" ? (last.versions ?? []) : []);
    void setMessages(stored.map(toUi));
  }

  /** A new branch from the user's message at `at` (a position on the path shown), answered anew. */
  async function editAt(at: number, text: string) {
    if (messages[at]?.role !== "user" || !convId) return;
    setNotice(null);
    setVersions([]);
    const before = messages;
    const failed = await withChat(async (c) => {
      c.messages = messages.slice(0, at);
      await c.sendMessage(
        { text, metadata: { createdAt: now() } },
        { body: { conversationId: convId, editAt: at } },
      );
      // Refused (the text is back in the box): the conversation shows what it still has.
      if (c.status === "error") c.messages = before;
      return c.status === "error";
    });
    if (!failed) await refresh();
  }

  function regenerateLast() {
    setNotice(null);
    const last = messages.at(-1);
    // The reply being replaced stays as a version (the server keeps it too), unless it has no text.
    if (last?.role === "assistant" && textOf(last)) setVersions((v) => withVersion(v, versionOf(last)));
    void withChat(async (c) => {
      await c.regenerate({ body: { conversationId: convId } });
      if (c.status !== "error") await refresh();
    });
  }

  /** The last reply's versions as shown: the one on screen in its place. */
  const last = messages.at(-1);
  const shownVersions =
    last?.role === "assistant" && versions.length > 0 ? withVersion(versions, versionOf(last)) : [];

  async function chooseVersion(id: string) {
    const target = shownVersions.find((v) => v.id === id);
    if (!target || !convId) return;
    setVersions(shownVersions);
    await setMessages([...messages.slice(0, -1), toUi({ ...target, role: "assistant" })]);
    try {
      const view = (await callApi(`/api/conversations/${convId}/versions`, {
        method: "POST",
        body: JSON.stringify({ messageId: id }),
      })) as { messages: MessageView[] };
      // That version's branch may go on (messages written after it before): the server's path shows it.
      showStored(view.messages);
    } catch (e) {
      setNotice(apiError(e));
    }
  }

  /** Shows another version of a turn: the server switches the path, and the page shows it. */
  async function chooseBranch(id: string) {
    if (!convId) return;
    try {
      const view = (await callApi(`/api/conversations/${convId}/versions`, {
        method: "POST",
        body: JSON.stringify({ messageId: id }),
      })) as { messages: MessageView[] };
      showStored(view.messages);
    } catch (e) {
      setNotice(apiError(e));
    }
  }

  async function stopReply() {
    await withChat((c) => c.stop());
    const id = convId;
    if (!id) return;
    await callApi(`/api/conversations/${id}/stop`, { method: "POST", body: "{}" }).catch(() => undefined);
    await setMessages((current) => {
      const last = current.at(-1);
      return last?.role === "assistant"
        ? [...current.slice(0, -1), { ...last, metadata: { ...last.metadata, status: "stopped" } }]
        : current;
    });
  }

  return {
    /** Fetch the chat client now (the visitor is about to use it). */
    prepare: () => void getChat(),
    convId,
    messages,
    busy,
    draft,
    setDraft,
    notice,
    setNotice,
    send,
    editAt,
    regenerateLast,
    stopReply,
    versions: shownVersions,
    chooseVersion,
    chooseBranch,
  };
}
