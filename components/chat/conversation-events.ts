/** Told when the viewer's conversation list changed here (a new conversation, a reply): the sidebar reloads it. */
const EVENT = "chat:conversations-changed";

export function announceConversationsChanged() {
  window.dispatchEvent(new Event(EVENT));
}

export function onConversationsChanged(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}

const TITLED = "chat:conversation-titled";
export type TitledDetail = { id: string; title: string };

/** Told when a conversation got its title (after its first reply): the heading and Share button follow. */
export function announceConversationTitled(detail: TitledDetail) {
  window.dispatchEvent(new CustomEvent<TitledDetail>(TITLED, { detail }));
}

export function onConversationTitled(listener: (detail: TitledDetail) => void): () => void {
  const handle = (e: Event) => listener((e as CustomEvent<TitledDetail>).detail);
  window.addEventListener(TITLED, handle);
  return () => window.removeEventListener(TITLED, handle);
}
