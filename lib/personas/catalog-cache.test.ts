import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadCatalogDir } from "./cached-load";
import { buildCatalog } from "./catalog";
import { CATALOG_CODE_VERSION, cacheFileFor, cacheKey, fileDigest } from "./catalog-cache";
import { loadPersonaDir, readPersonaFiles } from "./load";

const ROOT = path.resolve(import.meta.dirname, "../..");
const CONTENT_DIR = path.join(ROOT, "content/personas");

/** The code whose output the cache stores, and the libraries it leans on. */
const SOURCES = [
  "content/categories.json",
  "lib/personas/categories.ts",
  "lib/personas/cached-load.ts",
  "lib/personas/catalog-cache.ts",
  "lib/personas/catalog.ts",
  "lib/personas/frontmatter.ts",
  "lib/personas/load.ts",
  "lib/personas/parse.ts",
  "lib/personas/schema.ts",
  "lib/personas/search-build.ts",
  "lib/personas/search.ts",
  "lib/personas/search-tokenize.ts",
  "lib/personas/term-dictionary.ts",
  "lib/text/repair.ts",
];
const LIBRARIES = ["js-yaml", "zod"];

function codeFingerprint(): string {
  const hash = crypto.createHash("sha256");
  for (const file of SOURCES) {
    const text = fs
      .readFileSync(path.join(ROOT, file), "utf8")
      .replace(/\r\n/g, "\n")
      .replace(/CATALOG_CODE_VERSION = "[^"]*"/, 'CATALOG_CODE_VERSION = ""');
    hash.update(`${file}\0${text}\0`);
  }
  for (const name of LIBRARIES) {
    const { version } = JSON.parse(
      fs.readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8"),
    );
    hash.update(`${name}@${version}\0`);
  }
  return hash.digest("hex").slice(0, 16);
}

let tmp: string;
let dir: string;
let cacheDir: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "catalog-cache-"));
  dir = path.join(tmp, "personas");
  cacheDir = path.join(tmp, "cache");
  fs.cpSync(CONTENT_DIR, dir, { recursive: true });
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const load = () => loadCatalogDir({ dir, cacheDir });
/** A free persona's file (a paid persona's body is not searched). */
const someFile = () =>
  fs
    .readdirSync(dir)
    .filter((n) => n.endsWith(".md") && /^tier: free$/m.test(fs.readFileSync(path.join(dir, n), "utf8")))
    .sort()[3]!;

describe("CATALOG_CODE_VERSION", () => {
  it("is the fingerprint of the code behind the cache (update it when this fails)", () => {
    expect(
      CATALOG_CODE_VERSION,
      `the parse, schema, repair or index code changed: set CATALOG_CODE_VERSION in lib/personas/catalog-cache.ts to "${codeFingerprint()}" so caches written by the old code are not read`,
    ).toBe(codeFingerprint());
  });

  it("is part of the key", () => {
    const files = readPersonaFiles(dir).files.map((f) => ({ name: f.name, digest: fileDigest(f.bytes) }));
    expect(cacheKey(files, "another-version")).not.toBe(cacheKey(files));
  });
});

describe("loadCatalogDir with a cache", () => {
  it("builds from the files first, then takes the same catalog from the cache", () => {
    const first = load();
    expect(first.source).toBe("files");
    expect(fs.existsSync(cacheFileFor(cacheDir, dir))).toBe(true);
    const second = load();
    expect(second.source).toBe("cache");
    const uncached = buildCatalog(loadPersonaDir(dir).personas);
    expect(JSON.stringify(second.catalog!.all)).toBe(JSON.stringify(uncached.all));
    for (const q of ["backend", "kube", "data pipelines", "review", "a", "security tests", "zzz"]) {
      expect(second.catalog!.index.search(q), q).toEqual(uncached.index.search(q));
    }
    expect(second.catalog!.tags).toEqual(uncached.tags);
    expect(second.catalog!.orders.featured.map((p) => p.id)).toEqual(
      uncached.orders.featured.map((p) => p.id),
    );
  });

  it("shows a changed file after a restart: a changed byte, a new name in the header, a new word in the body", () => {
    load();
    const file = path.join(dir, someFile());
    const id = path.basename(file, ".md");
    const text = fs.readFileSync(file, "utf8");
    fs.writeFileSync(
      file,
      text
        .replace(/^name: .*$/m, "name: Zanzibar Quokka")
        .replace(/\n*$/, "\n\nYou also know about quokkas.\n"),
    );
    const changed = load();
    expect(changed.source).toBe("files");
    // Only the changed file is parsed again; the others come from the cache, as parsing gives them.
    expect(changed.reusedFiles).toBe(fs.readdirSync(dir).length - 1);
    const uncached = buildCatalog(loadPersonaDir(dir).personas);
    expect(JSON.stringify(changed.catalog!.all)).toBe(JSON.stringify(uncached.all));
    for (const q of ["quokkas", "zanzibar", "backend", "kube"]) {
      expect(changed.catalog!.index.search(q), q).toEqual(uncached.index.search(q));
    }
    // The index, built from the previous one plus the changed file, is the one a full build gives.
    const [got, want] = [changed.catalog!.index.data, uncached.index.data];
    expect(got.terms).toEqual(want.terms);
    expect([...got.starts, ...got.docs, ...got.scores]).toEqual([
      ...want.starts,
      ...want.docs,
      ...want.scores,
    ]);
    expect(changed.catalog!.byId.get(id)!.name).toBe("Zanzibar Quokka");
    expect(changed.catalog!.byId.get(id)!.body).toContain("quokkas");
    expect(changed.catalog!.index.search("quokkas").map((i) => changed.catalog!.all[i]!.id)).toEqual([id]);
    // ...and the next start takes that version from the cache.
    const again = load();
    expect(again.source).toBe("cache");
    expect(again.catalog!.byId.get(id)!.name).toBe("Zanzibar Quokka");
    expect(again.catalog!.byId.get(id)!.body).toContain("quokkas");
  });

  it("notices a file added, renamed or removed, and a single added byte", () => {
    load();
    const name = someFile();
    const copyAs = (id: string) =>
      fs.readFileSync(path.join(dir, name), "utf8").replace(/^id: .*$/m, `id: ${id}`);
    const cases: [string, () => void][] = [
      ["a byte added", () => fs.appendFileSync(path.join(dir, name), " ")],
      ["added", () => fs.writeFileSync(path.join(dir, "zz-extra.md"), copyAs("zz-extra"))],
      [
        "renamed",
        () => {
          fs.rmSync(path.join(dir, "zz-extra.md"));
          fs.writeFileSync(path.join(dir, "zz-extra-2.md"), copyAs("zz-extra-2"));
        },
      ],
      ["removed", () => fs.rmSync(path.join(dir, "zz-extra-2.md"))],
    ];
    for (const [what, change] of cases) {
      change();
      expect(load().source, what).toBe("files");
      expect(load().source, `${what}, second time`).toBe("cache");
    }
    expect(load().catalog!.byId.has("zz-extra")).toBe(false);
  });

  it("never reads a cache that other code wrote, not even to reuse unchanged files", () => {
    load();
    const cacheFile = cacheFileFor(cacheDir, dir);
    const bytes = fs.readFileSync(cacheFile);
    const at = bytes.indexOf(`"codeVersion":"${CATALOG_CODE_VERSION}"`);
    expect(at).toBeGreaterThan(0);
    bytes.write(`"codeVersion":"${"f".repeat(CATALOG_CODE_VERSION.length)}"`, at);
    fs.writeFileSync(cacheFile, bytes);
    const result = load();
    expect(result.source).toBe("files");
    expect(result.reusedFiles).toBe(0);
    expect(load().source).toBe("cache");
  });

  it("reports content problems on every load and never caches them", () => {
    const file = path.join(dir, someFile());
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/^tier: .*$/m, "tier: platinum"));
    for (let i = 0; i < 2; i++) {
      const result = load();
      expect(result.catalog).toBeUndefined();
      expect(result.problems.map((p) => p.field)).toEqual(["tier"]);
    }
    expect(fs.existsSync(cacheFileFor(cacheDir, dir))).toBe(false);
  });

  it("ignores a damaged cache file and writes a good one", () => {
    load();
    const cacheFile = cacheFileFor(cacheDir, dir);
    const bytes = fs.readFileSync(cacheFile);
    for (const damaged of [
      bytes.subarray(0, bytes.length - 100),
      Buffer.from("not a cache"),
      Buffer.alloc(0),
    ]) {
      fs.writeFileSync(cacheFile, damaged);
      const result = load();
      expect(result.source).toBe("files");
      expect(result.catalog!.all.length).toBeGreaterThanOrEqual(42);
      expect(load().source).toBe("cache");
    }
  });

  it("still loads when the cache cannot be written, and says why", () => {
    fs.writeFileSync(cacheDir, "a file where the cache folder should be");
    const errors: unknown[] = [];
    const result = loadCatalogDir({ dir, cacheDir, onCacheWriteError: (e) => errors.push(e) });
    expect(result.catalog!.all.length).toBeGreaterThanOrEqual(42);
    expect(errors).toHaveLength(1);
  });

  it("keeps one cache file per content folder", () => {
    load();
    fs.appendFileSync(path.join(dir, someFile()), "\nMore.\n");
    load();
    expect(fs.readdirSync(cacheDir)).toHaveLength(1);
  });
});
