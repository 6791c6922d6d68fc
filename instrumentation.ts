/** Runs once when the server starts, before the first request. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installPeerHeader } = await import("@/lib/http/peer-header");
    installPeerHeader();
    const { getDb } = await import("@/lib/db/client");
    const { markStreamingInterrupted } = await import("@/lib/db/queries/messages");
    // Opens and migrates the database; replies a crash left mid-stream are marked interrupted.
    const interrupted = markStreamingInterrupted({ db: getDb() });
    if (interrupted) console.warn(`chat: marked ${interrupted} reply(s) left streaming by the last run as interrupted`);
    const { installShutdownFlush } = await import("@/lib/chat/runs");
    installShutdownFlush();
    // Load the catalog now: a content error stops the start, and the first visitor doesn't wait.
    const { getCatalog } = await import("@/lib/personas");
    console.log(`catalog: ${getCatalog().all.length} personas`);
    const { chatSettings } = await import("@/lib/chat/provider");
    const chat = chatSettings();
    console.log(chat ? `chat: ${chat.provider}${chat.baseUrl ? ` at ${chat.baseUrl}` : ""}, default model ${chat.models.default}` : "chat: no model configured; chat pages say how to set one");
  }
}
