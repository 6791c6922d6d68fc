import type { Instrumentation } from "next";

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
      // Opens and migrates the database; replies a crash left mid-stream are marked interrupted.
      const db = await startDatabase();
      // Pages answer 503 while the database is down (proxy.ts asks lib/db/outage.ts, which pings).
      const { registerDatabaseProbe } = await import("@/lib/db/outage");
      const { pingDatabase } = await import("@/lib/db/queries/health");
      registerDatabaseProbe(() => pingDatabase({ db }));
      log.info(
        { event: "db.opened", engine: env().database.engine, database: describeDatabase() },
        `database: ${env().database.engine} at ${describeDatabase()}`,
      );
      const { loadAuthSecret } = await import("@/lib/auth/secret");
      await loadAuthSecret(db);
      // Other instances may share the database: only replies nobody heartbeats any more are dead,
      // and each process sweeps for them from now on (an instance can crash while this one runs).
      const { installShutdownFlush, installStaleSweep, sweepOwnReplies, sweepStaleReplies } =
        await import("@/lib/chat/runs");
      // This instance's own replies from before a crash are dead now, whatever their heartbeat says.
      const own = await sweepOwnReplies(db);
      const interrupted = own + (await sweepStaleReplies(db));
      if (interrupted)
        log.warn(
          { event: "chat.replies_marked_interrupted", count: interrupted },
          "replies no process is writing any more marked interrupted",
        );
      installStaleSweep(db);
      installShutdownFlush();
      if (!env().appHandlesSignals && !env().development)
        log.warn(
          { event: "server.signals_not_drained" },
          "NEXT_MANUAL_SIG_HANDLE is not set: on SIGTERM Next closes the listener at once instead of draining (npm start sets it)",
        );
      // Load the catalog now: a content error stops the start, and the first visitor doesn't wait.
      // Creators' published personas join it from the database, and again whenever it changes.
      const { getCatalog } = await import("@/lib/personas");
      const { installCatalogPoll, refreshCatalog } = await import("@/lib/creators/catalog-refresh");
      getCatalog();
      await refreshCatalog({ db });
      installCatalogPoll(db);
      log.info({ event: "catalog.loaded", personas: getCatalog().all.length }, "catalog loaded");
      // The version history keeps every version the catalog holds; in the background, errors logged.
      const { catalogVersionsRecorded } = await import("@/lib/personas/versions-catalog");
      void catalogVersionsRecorded();
      const { chatSettings, warmChatModel } = await import("@/lib/chat/provider");
      const chat = chatSettings();
      warmChatModel();
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

/**
 * Next reports every error a page or route threw: one that says the database is down starts the
 * outage watch, so the next page requests get the 503 page (proxy.ts) until it answers again.
 */
export const onRequestError: Instrumentation.onRequestError = async (error) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { noteDatabaseError } = await import("@/lib/db/outage");
  noteDatabaseError(error);
};
