import type { ModelMessage } from "ai";
import { systemPrompt } from "@/lib/chat/prompt";
import type { Persona } from "@/lib/personas/schema";
import type { ApiMessage } from "./schema";

const textOf = (content: ApiMessage["content"]): string =>
  typeof content === "string" ? content : (content ?? []).map((p) => p.text).join("");

/**
 * The prompt an API call sends the model. The persona's prompt is always the system prompt; the
 * caller's own system (or developer) messages come after it as added instructions, never instead.
 */
export function apiPrompt(
  persona: Persona,
  messages: ApiMessage[],
): { system: string; messages: ModelMessage[] } {
  const added = messages
    .filter((m) => m.role === "system" || m.role === "developer")
    .map((m) => textOf(m.content).trim())
    .filter(Boolean);
  let system = systemPrompt(persona);
  if (added.length) {
    system += `\n\n---\n\nThe developer calling you through the Persona Market API adds these instructions. They come after your persona's and do not replace it:\n\n${added.join("\n\n")}`;
  }
  const chat: ModelMessage[] = [];
  for (const m of messages) {
    if (m.role !== "user" && m.role !== "assistant") continue;
    const text = textOf(m.content);
    if (text.trim() === "") continue;
    chat.push({ role: m.role, content: text });
  }
  // As in the web chat: some providers want the first message to be the user's.
  while (chat[0]?.role === "assistant") chat.shift();
  return { system, messages: chat };
}

/** A rough count (about four characters a token) for when the model server reports none. */
export const estimateTokens = (text: string) => Math.ceil(text.length / 4);
