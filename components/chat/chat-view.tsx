import type { MessageView } from "@/lib/chat/conversation-view";
import { ChatPanel, type ChatPanelProps } from "./chat-panel";
import type { Prerendered } from "./chat-types";
import { ServerChatMarkdown } from "./server-chat-markdown";

export type ChatViewProps = Omit<ChatPanelProps, "rendered">;

function renderReplies(messages: MessageView[]): Record<string, Prerendered> {
  const replies = messages
    .filter((m) => m.role === "assistant")
    .flatMap((m) => [m, ...(m.versions ?? [])])
    .filter((m) => m.content);
  return Object.fromEntries(
    replies.map((m) => [
      m.id,
      { text: m.content, node: <ServerChatMarkdown key={m.id}>{m.content}</ServerChatMarkdown> },
    ]),
  );
}

/**
 * A chat page's conversation. The replies already there (and their other versions) are rendered
 * here, on the server, so the browser loads the Markdown renderer only when a new reply arrives.
 */
export function ChatView(props: ChatViewProps) {
  return <ChatPanel {...props} rendered={renderReplies(props.initialMessages)} />;
}
