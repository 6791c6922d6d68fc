import { buildCatalog, type Catalog } from "./catalog";
import {
  cacheFileFor,
  cacheKey,
  readCatalogCache,
  writeCatalogCache,
  type CachedCatalog,
} from "./catalog-cache";
import { checkPersonaFiles, readPersonaFiles, type PersonaFile } from "./load";
import { bodyOfValidFile } from "./parse";
import type { ContentProblem } from "./problems";
import { SearchIndex } from "./search";

export type CatalogLoad =
  | { catalog: Catalog; problems: []; source: "cache" | "files" }
  | { catalog: undefined; problems: ContentProblem[]; source: "files" };

/**
 * Reads a content directory and builds its catalog. With a `cacheDir`, a catalog already checked
 * and indexed for exactly these bytes (and this code: see cacheKey) is taken from there instead
 * of parsing every file again; what is built otherwise is stored there. Content with problems is
 * never cached, so it is reported on every load. A cache that cannot be written only costs time.
 */
export function loadCatalogDir(opts: {
  dir: string;
  cacheDir?: string;
  onCacheWriteError?: (error: unknown) => void;
}): CatalogLoad {
  const { dir, cacheDir } = opts;
  const read = readPersonaFiles(dir);
  if (read.problems.length) return { catalog: undefined, problems: read.problems, source: "files" };
  const file = cacheDir === undefined ? undefined : cacheFileFor(cacheDir, dir);
  const key = file === undefined ? "" : cacheKey(read.files);
  const cached = file === undefined ? undefined : readCatalogCache(file, key);
  const fromCache = cached && catalogFromCache(cached, read.files);
  if (fromCache) return { catalog: fromCache, problems: [], source: "cache" };

  const { personas, problems } = checkPersonaFiles(dir, read.files);
  if (problems.length) return { catalog: undefined, problems, source: "files" };
  const catalog = buildCatalog(personas);
  if (file !== undefined) {
    try {
      writeCatalogCache(file, key, catalog.all, catalog.index.data);
    } catch (error) {
      opts.onCacheWriteError?.(error);
    }
  }
  return { catalog, problems: [], source: "files" };
}

/** The stored personas with their bodies taken from the files again (the key says the bytes are the same). */
function catalogFromCache(cached: CachedCatalog, files: readonly PersonaFile[]): Catalog | undefined {
  if (cached.personas.length !== files.length) return undefined;
  const bytesByName = new Map(files.map((f) => [f.name, f.bytes]));
  for (const p of cached.personas) {
    const bytes = bytesByName.get(p.file);
    if (!bytes) return undefined;
    p.body = bodyOfValidFile(bytes);
  }
  return buildCatalog(cached.personas, new SearchIndex(cached.index));
}
