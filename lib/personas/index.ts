import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { loadCatalogDir } from "./cached-load";
import type { Catalog } from "./catalog";
import { ContentError } from "./problems";

const globalForCatalog = globalThis as unknown as {
  personaCatalog?: Catalog;
  personaContentCatalog?: Catalog;
};

/** Next's own cache folder: kept between builds, never served. */
const CACHE_DIR = path.join(/* turbopackIgnore: true */ process.cwd(), ".next", "cache", "persona-catalog");

/**
 * The catalog: the content files plus the published creator personas. The database source
 * (lib/creators/catalog-refresh.ts) replaces it with setCatalog when the catalog version in the
 * database changes; until it first does, it is the content files' alone.
 */
export function getCatalog(): Catalog {
  return (globalForCatalog.personaCatalog ??= getContentCatalog());
}

/** Swaps in a catalog built over the content catalog (lib/creators/catalog-source.ts). */
export function setCatalog(catalog: Catalog) {
  globalForCatalog.personaCatalog = catalog;
}

/**
 * The content files' catalog, built once per server process: files never change while it runs
 * (edit a file, restart the server). A restart with unchanged files takes the checked, indexed
 * catalog from the cache instead of parsing every file again.
 */
export function getContentCatalog(): Catalog {
  if (globalForCatalog.personaContentCatalog) return globalForCatalog.personaContentCatalog;
  const started = performance.now();
  const { catalog, problems, source } = loadCatalogDir({
    dir: env().personasDir,
    cacheDir: CACHE_DIR,
    onCacheWriteError: (error) => log.warn({ err: error }, "catalog.cache_write_failed"),
  });
  if (!catalog) throw new ContentError(problems);
  const ms = Math.round(performance.now() - started);
  log.info({ personas: catalog.all.length, source, ms }, "catalog.loaded");
  return (globalForCatalog.personaContentCatalog = catalog);
}
