import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { loadCatalogDir } from "./cached-load";
import type { Catalog } from "./catalog";
import { ContentError } from "./problems";

const globalForCatalog = globalThis as unknown as { personaCatalog?: Catalog };

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
