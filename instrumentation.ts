/** Runs once when the server starts, before the first request. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startOrExit } = await import("@/lib/startup");
  const { env } = await import("@/lib/env");
  await startOrExit(
    async () => {
      const { log } = await import("@/lib/log");
      // Settings first: a bad one is named before anything else is opened.
      env();
      const { installServerHook } = await import("@/lib/http/server-hook");
      installServerHook();
      const { startDatabase, describeDatabase } = await import("@/lib/db/client");
      const { markStreamingInterrupted } = await import("@/lib/db/queries/messages");
      // Opens and migrates the database; replies a crash left mid-stream are marked interrupted.
      const db = await startDatabase();
      log.info(
        { event: "db.opened", engine: env().database.engine, database: describeDatabase() },
        `database: ${env().database.engine} at ${describeDatabase()}`,
      );
      const { loadAuthSecret } = await import("@/lib/auth/secret");
      await loadAuthSecret(db);
      const interrupted = await markStreamingInterrupted({ db });
      if (interrupted)
        log.warn(
          { event: "chat.replies_marked_interrupted", count: interrupted },
          "replies left streaming by the last run marked interrupted",
        );
      const { installShutdownFlush } = await import("@/lib/chat/runs");
      installShutdownFlush();
      // Load the catalog now: a content error stops the start, and the first visitor doesn't wait.
      const { getCatalog } = await import("@/lib/personas");
      log.info({ event: "catalog.loaded", personas: getCatalog().all.length }, "catalog loaded");
      const { chatSettings } = await import("@/lib/chat/provider");
      const chat = chatSettings();
      // Ready once `/` and a persona page have been rendered (and cached) once: lib/http/warm-pages.ts.
      const { warmThenReady } = await import("@/lib/http/warm-pages");
      const featured = getCatalog().orders.featured[0];
      warmThenReady({
        port: env().development ? undefined : env().listenPort,
        paths: ["/", ...(featured ? [`/personas/${featured.id}`] : [])],
        ready: () =>
          log.info(
            {
              event: "server.ready",
              engine: env().database.engine,
              chatProvider: chat?.provider ?? null,
              model: chat?.models.default ?? null,
            },
            chat
              ? `ready: ${env().database.engine}, chat through ${chat.provider}`
              : `ready: ${env().database.engine}, no model configured; chat pages say how to set one`,
          ),
      });
    },
    async () => (await import("@/lib/db/client")).describeDatabase(),
  );
}
