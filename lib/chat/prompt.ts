import type { Persona } from "@/lib/personas/schema";

/** The system prompt: a short frame, then the persona's own body. */
export function systemPrompt(persona: Persona, handoffContext?: string | null): string {
  const frame = [
    `You are "${persona.name}", a persona on Persona Market, talking with one of its users.`,
    `Persona id: ${persona.id}.`,
    "Stay in this persona's role and voice. Answer in Markdown. If you are unsure, say so rather than invent facts.",
    `You opened the conversation with this greeting:\n${persona.greeting.trim()}`,
  ];
  if (handoffContext) {
    frame.push(
      "The user is continuing a conversation they had with another persona. Its most recent messages, for context:",
      "<previous-conversation>",
      handoffContext,
      "</previous-conversation>",
    );
  }
  return `${frame.join("\n")}\n\n---\n\n${persona.body}`;
}

/** The transcript a hand-off carries: the last few messages, each cut to a sensible length. */
export function handoffTranscript(
  messages: { role: "user" | "assistant"; content: string }[],
  personaName: string,
  keep = 8,
): string {
  return messages
    .slice(-keep)
    .map(
      (m) =>
        `${m.role === "user" ? "User" : personaName}: ${m.content.length > 2000 ? `${m.content.slice(0, 2000)}…` : m.content}`,
    )
    .join("\n\n");
}
