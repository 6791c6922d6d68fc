import "server-only";
import fs from "node:fs";
import path from "node:path";
import { getDb } from "@/lib/db/client";
import { creatorVersionTexts } from "@/lib/db/queries/persona-versions";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import type { Catalog } from "./catalog";
import { getCatalog, getContentCatalog } from "./index";
import { recordCatalogVersions, type VersionSource } from "./versions-record";

const globalForVersions = globalThis as unknown as {
  personaVersionsRecorded?: WeakMap<Catalog, Promise<void>>;
};

/**
 * Every version in the current catalog kept in the version history (persona_versions): content
 * files read from their directory, creators' personas from their published text with the
 * changelog of the submission that published it. Started once per catalog (at server start, and
 * again each time the catalog is rebuilt) and awaited before a conversation is pinned to a version.
 * A failure is logged and tried again on the next call.
 */
export function catalogVersionsRecorded(): Promise<void> {
  const catalog = getCatalog();
  const recorded = (globalForVersions.personaVersionsRecorded ??= new WeakMap());
  let pending = recorded.get(catalog);
  if (!pending) {
    pending = record(catalog).catch((error: unknown) => {
      recorded.delete(catalog);
      log.error({ err: error }, "catalog.versions_record_failed");
    });
    recorded.set(catalog, pending);
  }
  return pending;
}

async function record(catalog: Catalog) {
  const started = performance.now();
  const db = getDb();
  const dir = env().personasDir;
  const content = getContentCatalog();
  const fromCreators = catalog.all.filter((p) => content.byId.get(p.id) !== p).map((p) => p.id);
  const creatorTexts = fromCreators.length ? await creatorVersionTexts({ db, ids: fromCreators }) : new Map();
  const sources: VersionSource[] = [];
  for (const persona of catalog.all) {
    if (content.byId.get(persona.id) === persona) {
      sources.push({ persona, source: "content", text: () => fs.readFileSync(path.join(dir, persona.file)) });
      continue;
    }
    const row = creatorTexts.get(persona.id);
    if (row) sources.push({ persona, source: "creator", text: () => row.text, changelog: row.changelog });
  }
  const added = await recordCatalogVersions({ db, sources });
  log.info({ added, ms: Math.round(performance.now() - started) }, "catalog.versions_recorded");
}
