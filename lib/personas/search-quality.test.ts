import path from "node:path";
import { describe, expect, it } from "vitest";
import { measureSearchQuality, readQuestions } from "@/bench/search-quality";
import { buildCatalog } from "./catalog";
import { loadPersonaDir } from "./load";

const { personas } = loadPersonaDir(path.resolve(import.meta.dirname, "../../content/personas"));
const catalog = buildCatalog(personas);
const questions = readQuestions();

describe("the search question set", () => {
  it("names only personas of the catalog, each question once", () => {
    const unknown = questions.flatMap((x) =>
      x.ok.filter((id) => !catalog.byId.has(id)).map((id) => `${x.q}: ${id}`),
    );
    expect(unknown).toEqual([]);
    expect(new Set(questions.map((x) => x.q.toLowerCase())).size).toBe(questions.length);
  });

  it("covers every category and holds out about 30%", () => {
    const categories = new Set(questions.flatMap((x) => x.ok.map((id) => catalog.byId.get(id)!.category)));
    // Categories with personas: the data file may list categories the catalog does not use yet.
    const used = [...catalog.byCategory.values()].filter((personas) => personas.length > 0).length;
    expect(categories.size).toBe(used);
    const held = questions.filter((x) => x.holdout).length / questions.length;
    expect(held).toBeGreaterThan(0.2);
    expect(held).toBeLessThan(0.4);
  });

  // The score is a bench figure (npm run bench:search), reported here, not a pass/fail line.
  it("scores the ranking: top-3 accuracy", async ({ annotate }) => {
    const { seen, heldOut } = measureSearchQuality(catalog, questions);
    await annotate(`top-3: seen ${seen.hits}/${seen.total}, held-out ${heldOut.hits}/${heldOut.total}`);
    expect(seen.total + heldOut.total).toBe(questions.length);
  });
});
