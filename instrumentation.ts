/** Runs once when the server starts, before the first request. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installPeerHeader } = await import("@/lib/http/peer-header");
    installPeerHeader();
    const { getDb } = await import("@/lib/db/client");
    getDb(); // opens and migrates the database
  }
}
