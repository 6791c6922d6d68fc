/** Told when the viewer's conversation list changed here (a new conversation, a reply): the sidebar reloads it. */
const EVENT = "chat:conversations-changed";

export function announceConversationsChanged() {
  window.dispatchEvent(new Event(EVENT));
}

export function onConversationsChanged(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}
