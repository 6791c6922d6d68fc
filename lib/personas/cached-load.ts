import { buildCatalog, type Catalog } from "./catalog";
import {
  cacheFileFor,
  cacheKey,
  fileDigest,
  readCatalogCache,
  writeCatalogCache,
  type CachedCatalog,
} from "./catalog-cache";
import { checkPersonaFiles, readPersonaFiles, type PersonaFile } from "./load";
import { bodyOfValidFile } from "./parse";
import type { ContentProblem } from "./problems";
import type { Persona } from "./schema";
import { SearchIndex, type IndexParts } from "./search";

export type CatalogLoad =
  | { catalog: Catalog; problems: []; source: "cache" | "files"; reusedFiles: number }
  | { catalog: undefined; problems: ContentProblem[]; source: "files"; reusedFiles: number };

/**
 * Reads a content directory and builds its catalog. With a `cacheDir`: when the files are
 * exactly those of the cached catalog (and this code wrote it: see cacheKey), the checked,
 * indexed catalog comes from there; otherwise files whose bytes did not change are not parsed
 * again, the rest are, everything is checked together and indexed, and the result is stored.
 * Content with problems is never cached, so it is reported on every load. A cache that cannot
 * be written only costs time.
 */
export function loadCatalogDir(opts: {
  dir: string;
  cacheDir?: string;
  onCacheWriteError?: (error: unknown) => void;
}): CatalogLoad {
  const { dir, cacheDir } = opts;
  const read = readPersonaFiles(dir);
  if (read.problems.length)
    return { catalog: undefined, problems: read.problems, source: "files", reusedFiles: 0 };
  if (cacheDir === undefined) return fromFiles(dir, read.files);

  const file = cacheFileFor(cacheDir, dir);
  const digests = new Map(read.files.map((f) => [f.name, fileDigest(f.bytes)]));
  const key = cacheKey(read.files.map((f) => ({ name: f.name, digest: digests.get(f.name)! })));
  const stored = readCatalogCache(file, key);
  const exact = stored?.exact ? catalogFromCache(stored.catalog, read.files) : undefined;
  if (exact) return { catalog: exact, problems: [], source: "cache", reusedFiles: read.files.length };

  const loaded = fromFiles(dir, read.files, stored && reuseUnchanged(stored.catalog, digests));
  if (loaded.catalog) {
    const { all, index } = loaded.catalog;
    try {
      writeCatalogCache(file, key, {
        personas: all,
        digests: all.map((p) => digests.get(p.file)!),
        index: index.data,
      });
    } catch (error) {
      opts.onCacheWriteError?.(error);
    }
  }
  return loaded;
}

type Reuse = {
  /** The persona parsed before from this file's bytes, if they did not change. */
  persona: (file: PersonaFile) => Persona | undefined;
  /** The index those personas were in, and where each was in it. */
  index: IndexParts;
  previousDoc: ReadonlyMap<string, number>;
};

function fromFiles(dir: string, files: readonly PersonaFile[], reuse?: Reuse): CatalogLoad {
  const reused = new Set<string>();
  const known =
    reuse &&
    ((f: PersonaFile) => {
      const persona = reuse.persona(f);
      if (persona) reused.add(f.name);
      return persona;
    });
  const { personas, problems } = checkPersonaFiles(dir, files, known);
  const reusedFiles = reused.size;
  if (problems.length) return { catalog: undefined, problems, source: "files", reusedFiles };
  // Unchanged personas keep their index entries; only the changed ones are scanned.
  const index =
    reuse &&
    ((all: readonly Persona[]) =>
      new SearchIndex(all, {
        parts: reuse.index,
        docOf: (doc) => (reused.has(all[doc]!.file) ? (reuse.previousDoc.get(all[doc]!.file) ?? -1) : -1),
      }));
  return { catalog: buildCatalog(personas, index), problems: [], source: "files", reusedFiles };
}

/** A stored persona stands in for its file when the file's digest is the one it was parsed from. */
function reuseUnchanged(cached: CachedCatalog, digests: ReadonlyMap<string, string>): Reuse {
  const byFile = new Map(cached.personas.map((p, i) => [p.file, { persona: p, digest: cached.digests[i]! }]));
  return {
    persona: (file) => {
      const known = byFile.get(file.name);
      if (!known || known.digest !== digests.get(file.name)) return undefined;
      return { ...known.persona, body: bodyOfValidFile(file.bytes) };
    },
    index: cached.index,
    previousDoc: new Map(cached.personas.map((p, i) => [p.file, i])),
  };
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
