import "server-only";
import fs from "node:fs";
import path from "node:path";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { loadCatalogDir } from "./cached-load";
import type { Catalog } from "./catalog";
import { ContentError } from "./problems";
import { recordCatalogVersions } from "./versions-record";

const globalForCatalog = globalThis as unknown as {
  personaCatalog?: Catalog;
  personaVersionsRecorded?: WeakMap<Catalog, Promise<void>>;
};

/** Next's own cache folder: kept between builds, never served. */
const CACHE_DIR = path.join(/* turbopackIgnore: true */ process.cwd(), ".next", "cache", "persona-catalog");

/**
 * The catalog, built once per server process: content never changes while it runs
 * (edit a file, restart the server). A restart with unchanged files takes the checked, indexed
 * catalog from the cache instead of parsing every file again.
 */
export function getCatalog(): Catalog {
  if (globalForCatalog.personaCatalog) return globalForCatalog.personaCatalog;
  const started = performance.now();
  const { catalog, problems, source } = loadCatalogDir({
    dir: env().personasDir,
    cacheDir: CACHE_DIR,
    onCacheWriteError: (error) => log.warn({ err: error }, "catalog.cache_write_failed"),
  });
  if (!catalog) throw new ContentError(problems);
  const ms = Math.round(performance.now() - started);
  log.info({ personas: catalog.all.length, source, ms }, "catalog.loaded");
  return (globalForCatalog.personaCatalog = catalog);
}

/**
 * Every version in the current catalog kept in the version history (persona_versions): started
 * once per catalog (at server start, and again when the catalog is rebuilt) and awaited before a
 * conversation is pinned to a version. A failure is logged and tried again on the next call.
 */
export function catalogVersionsRecorded(): Promise<void> {
  const catalog = getCatalog();
  const recorded = (globalForCatalog.personaVersionsRecorded ??= new WeakMap());
  let pending = recorded.get(catalog);
  if (!pending) {
    const dir = env().personasDir;
    const started = performance.now();
    pending = recordCatalogVersions({
      db: getDb(),
      sources: catalog.all.map((persona) => ({
        persona,
        source: "content" as const,
        text: () => fs.readFileSync(path.join(dir, persona.file)),
      })),
    }).then(
      (added) => {
        log.info({ added, ms: Math.round(performance.now() - started) }, "catalog.versions_recorded");
      },
      (error: unknown) => {
        recorded.delete(catalog);
        log.error({ err: error }, "catalog.versions_record_failed");
      },
    );
    recorded.set(catalog, pending);
  }
  return pending;
}
