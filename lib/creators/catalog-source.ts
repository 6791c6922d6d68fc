import { buildCatalog, type Catalog } from "@/lib/personas/catalog";
import { parsePersonaFile } from "@/lib/personas/parse";
import type { ContentProblem } from "@/lib/personas/problems";
import type { Persona } from "@/lib/personas/schema";
import { SearchIndex } from "@/lib/personas/search";

export type CreatorPersonaText = { id: string; text: string; pictureId?: string | null };

export type MergedCatalog = {
  catalog: Catalog;
  /** Each text as parsed, for the next merge to reuse (a text that did not change is not parsed again). */
  parsed: ReadonlyMap<string, { text: string; persona: Persona }>;
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
export function mergeCreatorPersonas(
  content: Catalog,
  rows: readonly CreatorPersonaText[],
  previous?: Pick<MergedCatalog, "catalog" | "parsed">,
): MergedCatalog {
  const skipped: ContentProblem[] = [];
  const added: Persona[] = [];
  const parsedNow = new Map<string, { text: string; persona: Persona }>();
  const taken = new Set(content.byId.keys());
  for (const row of rows) {
    const file = `${row.id}.md`;
    if (taken.has(row.id)) {
      skipped.push({ file, field: "id", reason: "a content file has this id" });
      continue;
    }
    const image = row.pictureId ? `${row.pictureId}.img` : undefined;
    const known = previous?.parsed.get(row.id);
    let persona = known?.text === row.text && known.persona.image === image ? known.persona : undefined;
    if (!persona) {
      const parsed = parsePersonaFile(file, Buffer.from(row.text, "utf8"));
      if (!parsed.persona) {
        skipped.push(...parsed.problems);
        continue;
      }
      // An uploaded picture is kept in the database, not beside the text: the image route serves it.
      persona = image ? { ...parsed.persona, image } : parsed.persona;
    }
    parsedNow.set(row.id, { text: row.text, persona });
    taken.add(row.id);
    added.push(persona);
  }
  if (added.length === 0) return { catalog: content, parsed: parsedNow, creatorIds: new Set(), skipped };
  // The same object when no link is dropped, so the previous index's entries for it can be reused.
  const linked = added.map((p) =>
    p.worksWellWith.every((id) => taken.has(id))
      ? p
      : { ...p, worksWellWith: p.worksWellWith.filter((id) => taken.has(id)) },
  );
  // Entries of personas already indexed (the content files', and creator personas whose text did
  // not change since the previous merge) are reused: only new or changed texts are scanned.
  const base = previous && previous.catalog.index.data.docCount > 0 ? previous.catalog : content;
  const known = base.rank.name;
  const catalog = buildCatalog(
    [...content.all, ...linked],
    (all) => new SearchIndex(all, { parts: base.index.data, docOf: (doc) => known.get(all[doc]!) ?? -1 }),
  );
  return { catalog, parsed: parsedNow, creatorIds: new Set(linked.map((p) => p.id)), skipped };
}

/** The uploaded picture's id of a creator persona (see mergeCreatorPersonas), if it has one. */
export const creatorPictureId = (image: string | undefined) =>
  image?.endsWith(".img") ? image.slice(0, -".img".length) : undefined;
