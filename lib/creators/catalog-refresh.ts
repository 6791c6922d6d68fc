import "server-only";
import type { Executor } from "@/lib/db/client";
import { listPublishedCreatorPersonas, readCatalogVersion } from "@/lib/db/queries/creator-personas";
import { clearPageCache } from "@/lib/http/page-serve";
import { log } from "@/lib/log";
import { getContentCatalog, setCatalog } from "@/lib/personas";
import { mergeCreatorPersonas } from "./catalog-source";

/**
 * How often each instance asks the database for the catalog version: one indexed read of one row.
 * A persona approved on any instance is in every instance's gallery, search and cached pages
 * within this (plus the load), well inside the 10 seconds promised.
 */
export const CATALOG_POLL_MS = 2_000;

type State = { version?: string; creatorIds: ReadonlySet<string>; loading?: Promise<boolean> };
const globalForSource = globalThis as unknown as { personaCatalogSource?: State };
const state = (globalForSource.personaCatalogSource ??= { creatorIds: new Set() });

/** Whether a persona in the catalog came from a creator (the database), not a content file. */
export const isCreatorPersona = (id: string) => state.creatorIds.has(id);

/**
 * Loads the published creator personas again when the catalog version in the database is not the
 * one this process loaded, swaps the new catalog in and drops the cached pages made from the old
 * one. True when it did. A call while a load runs waits for it, then checks again.
 */
export function refreshCatalog({ db }: { db: Executor }): Promise<boolean> {
  const run = async () => {
    const version = await readCatalogVersion({ db });
    if (version === state.version) return false;
    const started = performance.now();
    const rows = await listPublishedCreatorPersonas({ db });
    const merged = mergeCreatorPersonas(getContentCatalog(), rows);
    for (const problem of merged.skipped)
      log.warn(
        { event: "catalog.creator_persona_skipped", file: problem.file, field: problem.field },
        problem.reason,
      );
    setCatalog(merged.catalog);
    state.creatorIds = merged.creatorIds;
    state.version = version;
    clearPageCache();
    log.info(
      {
        event: "catalog.refreshed",
        creatorPersonas: merged.creatorIds.size,
        personas: merged.catalog.all.length,
        ms: Math.round(performance.now() - started),
      },
      "catalog refreshed from the database",
    );
    return true;
  };
  const pending = (state.loading ?? Promise.resolve(false))
    .catch(() => false)
    .then(run)
    .finally(() => {
      if (state.loading === pending) state.loading = undefined;
    });
  state.loading = pending;
  return pending;
}

const globalForPoll = globalThis as unknown as { personaCatalogPoll?: NodeJS.Timeout };

/** Every CATALOG_POLL_MS, refreshes the catalog if another instance (or this one) changed it. */
export function installCatalogPoll(db: Executor) {
  if (globalForPoll.personaCatalogPoll) return;
  globalForPoll.personaCatalogPoll = setInterval(() => {
    refreshCatalog({ db }).catch((error: unknown) =>
      log.warn(
        { event: "catalog.refresh_failed", err: error instanceof Error ? error.message : String(error) },
        "catalog refresh failed",
      ),
    );
  }, CATALOG_POLL_MS);
  globalForPoll.personaCatalogPoll.unref();
}
