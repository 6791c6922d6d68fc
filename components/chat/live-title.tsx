"use client";

import { useEffect, useState } from "react";
import { ShareButton } from "@/components/community/share-button";
import { onConversationTitled } from "./conversation-events";

/** Follows the conversation this page shows: a new chat's, once its first reply names it. */
function useTitled(conversationId: string | null, title: string) {
  const [state, setState] = useState({ id: conversationId, title });
  useEffect(
    () =>
      onConversationTitled((detail) =>
        setState((current) => (current.id === null || current.id === detail.id ? detail : current)),
      ),
    [],
  );
  return state;
}

/** The page's heading: the conversation's title, updated in place when it gets one. */
export function LiveTitle({ conversationId, title }: { conversationId: string | null; title: string }) {
  const state = useTitled(conversationId, title);
  return (
    <h1 className="truncate text-lg font-bold sm:text-2xl" data-testid="conversation-title">
      {state.title}
    </h1>
  );
}

/** Share, once there is a stored conversation to share. */
export function LiveShareButton({ conversationId }: { conversationId: string | null }) {
  const { id } = useTitled(conversationId, "");
  return id ? <ShareButton conversationId={id} /> : null;
}
