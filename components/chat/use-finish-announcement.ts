"use client";

import { useEffect, useRef, useState } from "react";
import { textOf, type ChatMessage } from "./chat-types";

const WORDS = 12;

/**
 * What a polite live region says when a reply has finished: who replied and its first words (the
 * streaming text itself is not announced token by token). Empty until the first reply ends here.
 */
export function useFinishAnnouncement(messages: ChatMessage[], busy: boolean, personaName: string): string {
  const [said, setSaid] = useState("");
  const wasBusy = useRef(busy);
  useEffect(() => {
    const last = messages.at(-1);
    if (wasBusy.current && !busy && last?.role === "assistant") {
      setSaid(finishAnnouncement(textOf(last), personaName));
    }
    wasBusy.current = busy;
  }, [busy, messages, personaName]);
  return said;
}

/** "Name replied: its first words…" (Markdown marks left out), or that nothing came. */
export function finishAnnouncement(text: string, personaName: string): string {
  const words = text
    .replace(/[#*_`>$\\[\]()|]+/g, " ")
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const start = words.slice(0, WORDS).join(" ");
  return start
    ? `${personaName} replied: ${start}${words.length > WORDS ? "…" : ""}`
    : `${personaName} did not reply.`;
}
