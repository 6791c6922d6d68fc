import type { UIMessage } from "ai";
import type { ReactNode } from "react";
import type { MessageView, VersionView } from "@/lib/chat/conversation-view";
import type { ReplyMetadata } from "@/lib/chat/reply-stream";

export type Meta = Partial<ReplyMetadata> & {
  status?: MessageView["status"];
  createdAt?: string;
  /** The ids of this turn's versions, when it has more than one (MessageView.branches). */
  branches?: string[];
};
export type ChatMessage = UIMessage<Meta>;

export type { ChatPersona } from "@/lib/chat/persona-view";

export type Notice = { code: string; message: string; fields?: Record<string, string> };

/** A reply rendered on the server, good while the message still has this text. */
export type Prerendered = { text: string; node: ReactNode };

/** Who is chatting, as far as what the page may offer them goes. */
export type ChatViewer = { kind: "user" | "guest" | "visitor"; freeDailyMessages: number };

export const toUi = (m: MessageView): ChatMessage => ({
  id: m.id,
  role: m.role,
  parts: [{ type: "text", text: m.content }],
  metadata: { status: m.status, createdAt: m.createdAt, ...(m.branches && { branches: m.branches }) },
});

export const versionOf = (m: ChatMessage): VersionView => ({
  id: m.id,
  content: textOf(m),
  status: m.metadata?.status ?? "complete",
  createdAt: m.metadata?.createdAt,
});

/** The versions with this one put in its place (or added at the end, when it is new). */
export function withVersion(versions: VersionView[], version: VersionView): VersionView[] {
  return versions.some((v) => v.id === version.id)
    ? versions.map((v) => (v.id === version.id ? version : v))
    : [...versions, version];
}

export const textOf = (m: ChatMessage) => m.parts.map((p) => (p.type === "text" ? p.text : "")).join("");
