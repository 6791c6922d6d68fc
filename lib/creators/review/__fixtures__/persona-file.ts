import fs from "node:fs";
import path from "node:path";
import { readSource } from "@/lib/formats/detect";
import { finishDraft } from "@/lib/formats/finish";
import { frontmatterFile } from "@/lib/formats/yaml";
import { loadPersonaDir } from "@/lib/personas/load";
import type { PublishedPersonaRef } from "../types";

export const CATALOG_DIR = path.resolve("content/personas");
export const catalog = loadPersonaDir(CATALOG_DIR).personas;
export const catalogIds: ReadonlySet<string> = new Set(catalog.map((p) => p.id));
export const catalogRefs: PublishedPersonaRef[] = catalog.map((p) => ({
  id: p.id,
  name: p.name,
  body: p.body,
  description: p.description,
}));

/** A persona file made from one of lib/formats' fixtures the way content:import makes it. */
export function importedFixture(name: string, body?: (original: string) => string) {
  const bytes = fs.readFileSync(path.resolve("lib/formats/__fixtures__", name));
  const read = readSource(bytes);
  if (!read.ok) throw new Error(read.reason);
  const finished = finishDraft(read.draft);
  const id = `${finished.baseId}`;
  const text = frontmatterFile(finished.data, body ? body(finished.body) : finished.body);
  return { fileName: `${id}.md`, text, id, body: finished.body };
}

/** The text of a catalog persona file, with its body changed. */
export function catalogFile(id: string, body?: (original: string) => string) {
  const text = fs.readFileSync(path.join(CATALOG_DIR, `${id}.md`), "utf8");
  if (!body) return { fileName: `${id}.md`, text };
  const close = text.indexOf("\n---", 3) + 4;
  const original = text.slice(close).trim();
  return { fileName: `${id}.md`, text: `${text.slice(0, close)}\n\n${body(original)}\n` };
}
