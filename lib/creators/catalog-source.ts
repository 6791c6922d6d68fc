import { buildCatalog, type Catalog } from "@/lib/personas/catalog";
import { parsePersonaFile } from "@/lib/personas/parse";
import type { ContentProblem } from "@/lib/personas/problems";
import type { Persona } from "@/lib/personas/schema";
import { SearchIndex } from "@/lib/personas/search";

export type CreatorPersonaText = { id: string; text: string };

export type MergedCatalog = {
  catalog: Catalog;
  /** Ids of the creator personas in it. */
  creatorIds: ReadonlySet<string>;
  /** Published texts left out, and why (each was checked when approved; code may have changed since). */
  skipped: ContentProblem[];
};

/**
 * The catalog of the content files plus the published creator personas: each creator persona's
 * text is parsed and checked by the same code as a content file (as `<id>.md`). A content file
 * that has the same id wins; links to personas that are not in the catalog any more (unpublished)
 * are dropped, so one persona leaving never breaks another. The content files' search index
 * entries are reused: only creator personas are scanned.
 */
export function mergeCreatorPersonas(content: Catalog, rows: readonly CreatorPersonaText[]): MergedCatalog {
  const skipped: ContentProblem[] = [];
  const added: Persona[] = [];
  const taken = new Set(content.byId.keys());
  for (const row of rows) {
    const file = `${row.id}.md`;
    if (taken.has(row.id)) {
      skipped.push({ file, field: "id", reason: "a content file has this id" });
      continue;
    }
    const parsed = parsePersonaFile(file, Buffer.from(row.text, "utf8"));
    if (!parsed.persona) {
      skipped.push(...parsed.problems);
      continue;
    }
    taken.add(row.id);
    added.push(parsed.persona);
  }
  if (added.length === 0) return { catalog: content, creatorIds: new Set(), skipped };
  const linked = added.map((p) => ({ ...p, worksWellWith: p.worksWellWith.filter((id) => taken.has(id)) }));
  const contentDoc = content.rank.name;
  const catalog = buildCatalog(
    [...content.all, ...linked],
    (all) =>
      new SearchIndex(all, { parts: content.index.data, docOf: (doc) => contentDoc.get(all[doc]!) ?? -1 }),
  );
  return { catalog, creatorIds: new Set(linked.map((p) => p.id)), skipped };
}
