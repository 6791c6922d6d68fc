import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadPersonaDir } from "@/lib/personas/load";
import { buildCatalog } from "@/lib/personas/catalog";
import { parsePersonaFile } from "@/lib/personas/parse";
import { mergeCreatorPersonas } from "./catalog-source";
import { draftToPersonaFile, EMPTY_DRAFT, readDraftFields, withTier } from "./draft";

const content = buildCatalog(loadPersonaDir(path.join(__dirname, "../personas/__fixtures__/valid")).personas);

const fields = {
  ...EMPTY_DRAFT,
  slug: "tide-reader",
  name: "Tide Reader",
  description: "Reads tide tables aloud for sailors.",
  greeting: "Ahoy! Which harbour?",
  tags: ["sailing"],
  worksWellWith: ["alpha", "ghost--gone"],
  body: "# Tide Reader\n\nYou read zanzibarian tide tables.",
  changelog: "First version",
};
const text = (over = {}) =>
  draftToPersonaFile({ ...fields, ...over }, { handle: "sam", tier: "free", published: "2026-12-07" });

describe("a creator persona's file", () => {
  it("is a persona file the content checks accept, with the <handle>--<slug> id", () => {
    const parsed = parsePersonaFile("sam--tide-reader.md", Buffer.from(text({ worksWellWith: ["alpha"] })));
    expect(parsed.problems).toEqual([]);
    expect(parsed.persona?.id).toBe("sam--tide-reader");
    expect(parsed.persona?.author).toBe("sam");
  });

  it("keeps everything but the tier a moderator changes", () => {
    const paid = parsePersonaFile("sam--tide-reader.md", Buffer.from(withTier(text(), "pro")));
    expect(paid.persona?.tier).toBe("pro");
    expect(paid.persona?.body).toContain("zanzibarian");
  });

  it("reads back stored draft fields, and empty ones for anything unreadable", () => {
    expect(readDraftFields(JSON.stringify(fields)).slug).toBe("tide-reader");
    expect(readDraftFields("{not json").slug).toBe("");
  });
});

describe("mergeCreatorPersonas", () => {
  it("adds published personas to gallery orders, search and links, dropping links to personas gone", () => {
    const merged = mergeCreatorPersonas(content, [{ id: "sam--tide-reader", text: text() }]);
    const persona = merged.catalog.byId.get("sam--tide-reader");
    expect(persona?.worksWellWith).toEqual(["alpha"]);
    expect(merged.catalog.all).toHaveLength(content.all.length + 1);
    expect(merged.catalog.pairedBy.get("alpha")?.map((p) => p.id)).toContain("sam--tide-reader");
    const hits = merged.catalog.index.search("zanzibarian").map((d) => merged.catalog.all[d]!.id);
    expect(hits).toEqual(["sam--tide-reader"]);
    // The content files' entries were reused, and still answer.
    const alpha = merged.catalog.index.search("alpha").map((d) => merged.catalog.all[d]!.id);
    expect(alpha).toContain("alpha");
    expect(merged.creatorIds.has("sam--tide-reader")).toBe(true);
  });

  it("leaves out a text that fails the checks, and an id a content file has", () => {
    const merged = mergeCreatorPersonas(content, [
      { id: "sam--broken", text: "---\nid: sam--broken\n---\n" },
      { id: "alpha", text: text() },
    ]);
    expect(merged.catalog).toBe(content);
    expect(merged.skipped.map((p) => p.file)).toContain("sam--broken.md");
    expect(merged.skipped.some((p) => p.file === "alpha.md" && /content file/.test(p.reason))).toBe(true);
  });
});
