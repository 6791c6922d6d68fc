import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Persona } from "./schema";
import type { IndexParts } from "./search-build";

/**
 * The version of the code whose output the cache stores (parse, schema, text repair, search
 * index): a hash of those source files and the versions of js-yaml and zod. A cache written by
 * other code is never read. catalog-cache.test.ts recomputes it and fails, printing the new
 * value, when any of them changed and this line was not updated.
 */
export const CATALOG_CODE_VERSION = "e09d1c1e1c6e2689";

const MAGIC = "PMCATLG1";
const ALIGN = 4;

/**
 * What the cache holds: the checked personas in catalog order, the digest of each one's file, and
 * the search index over them. Bodies are stored empty: they are most of the bytes, and cheap to
 * take from the files again.
 */
export type CachedCatalog = { personas: readonly Persona[]; digests: readonly string[]; index: IndexParts };

/**
 * A cache entry for these exact files (`exact`), or one written by this code for other files:
 * its personas can stand in for files whose digest did not change.
 */
export type StoredCatalog = { exact: boolean; catalog: CachedCatalog };

type Header = {
  key: string;
  codeVersion: string;
  personas: Persona[];
  digests: readonly string[];
  terms: string[];
  docCount: number;
  postings: number;
};

/** sha256 of one file's bytes. */
export const fileDigest = (bytes: Buffer) => crypto.createHash("sha256").update(bytes).digest("hex");

/**
 * Hash of every file's name and digest, the code version and the byte order: any change to any
 * byte, any file added, removed or renamed, or other code gives another key.
 */
export function cacheKey(
  files: readonly { name: string; digest: string }[],
  codeVersion = CATALOG_CODE_VERSION,
): string {
  const hash = crypto.createHash("sha256");
  hash.update(`${MAGIC}\0${codeVersion}\0${os.endianness()}\0${files.length}\0`);
  for (const { name, digest } of files) hash.update(`${name}\0${digest}\0`);
  return hash.digest("hex");
}

/** One cache file per content directory: a new key overwrites the old entry instead of piling up. */
export function cacheFileFor(cacheDir: string, contentDir: string): string {
  const dirHash = crypto.createHash("sha256").update(path.resolve(contentDir)).digest("hex").slice(0, 16);
  return path.join(cacheDir, `catalog-${dirHash}.bin`);
}

/** The stored catalog (see StoredCatalog), or undefined: no file, other code, or anything unreadable. */
export function readCatalogCache(file: string, key: string): StoredCatalog | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  try {
    if (bytes.toString("latin1", 0, MAGIC.length) !== MAGIC) return undefined;
    const headerLength = bytes.readUInt32LE(MAGIC.length);
    let offset = MAGIC.length + 4;
    const header = JSON.parse(bytes.toString("utf8", offset, offset + headerLength)) as Header;
    if (header.codeVersion !== CATALOG_CODE_VERSION) return undefined;
    offset = align(offset + headerLength);
    const starts = new Int32Array(header.terms.length + 1);
    const docs = new Int32Array(header.postings);
    const scores = new Uint8Array(header.postings);
    for (const array of [starts, docs, scores]) {
      if (offset + array.byteLength > bytes.length) return undefined;
      new Uint8Array(array.buffer).set(bytes.subarray(offset, offset + array.byteLength));
      offset = align(offset + array.byteLength);
    }
    const { personas, digests, terms, docCount, postings } = header;
    if (personas.length !== docCount || digests.length !== docCount || starts[terms.length] !== postings) {
      return undefined;
    }
    return {
      exact: header.key === key,
      catalog: { personas, digests, index: { docCount, terms, starts, docs, scores } },
    };
  } catch {
    return undefined;
  }
}

/**
 * Stores the catalog under `key`: written to a temporary file and renamed, so a reader (another
 * process building at the same time) sees the old entry or the new one, never half of one.
 */
export function writeCatalogCache(file: string, key: string, catalog: CachedCatalog): void {
  const { personas, digests, index } = catalog;
  const header: Header = {
    key,
    codeVersion: CATALOG_CODE_VERSION,
    personas: personas.map((p) => ({ ...p, body: "" })),
    digests,
    terms: index.terms,
    docCount: index.docCount,
    postings: index.docs.length,
  };
  const json = Buffer.from(JSON.stringify(header), "utf8");
  const parts: Buffer[] = [Buffer.from(MAGIC, "latin1"), Buffer.alloc(4), json];
  parts[1]!.writeUInt32LE(json.length);
  let length = MAGIC.length + 4 + json.length;
  for (const array of [index.starts, index.docs, index.scores]) {
    parts.push(Buffer.alloc(align(length) - length));
    parts.push(Buffer.from(array.buffer, array.byteOffset, array.byteLength));
    length = align(length) + array.byteLength;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`;
  try {
    fs.writeFileSync(temporary, Buffer.concat(parts));
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

const align = (n: number) => Math.ceil(n / ALIGN) * ALIGN;
