import path from "node:path";
import { describe, expect, it } from "vitest";
import type { PersonaStats } from "@/lib/community/ranking";
import { buildCatalog } from "./catalog";
import { loadPersonaDir } from "./load";
import { queryCatalog } from "./query";
import { emptySuggestions } from "./search-empty";

const catalog = buildCatalog(
  loadPersonaDir(path.resolve(import.meta.dirname, "../../content/personas")).personas,
);
const used = (usersLast30Days: number): PersonaStats => ({
  usersLast7Days: 0,
  usersPrevious7Days: 0,
  usersLast30Days,
  favorites: 0,
  ratingSum: 0,
  ratingCount: 0,
});

describe("the empty search", () => {
  it("is empty only when no word or concept is shared", () => {
    expect(queryCatalog(catalog, { q: "zzzqqqxxx" }).total).toBe(0);
    for (const q of ["a bedtime tale about dragons", "spreadsheet", "my wedding", "kubernets"])
      expect(queryCatalog(catalog, { q }).total, q).toBeGreaterThan(0);
  });

  it("suggests the categories whose words look most like the query", () => {
    // No persona has these words, but they are near "security" and "design" words.
    expect(emptySuggestions(catalog, "securty hardenning").categories[0]?.category).toBe("security");
    expect(emptySuggestions(catalog, "designz").categories.map((c) => c.category)).toContain("design");
  });

  it("suggests the categories holding the matches when other filters emptied the page", () => {
    expect(queryCatalog(catalog, { q: "kubernetes", tier: "max" }).total).toBe(0);
    expect(emptySuggestions(catalog, "kubernetes").categories[0]?.category).toBe("development");
  });

  it("suggests the most used personas, or the featured ones without usage", () => {
    const stats = new Map([
      ["sql-tutor", used(50)],
      ["storyteller", used(90)],
      ["math-tutor", used(10)],
    ]);
    expect(
      emptySuggestions(catalog, "zzz", stats)
        .personas.slice(0, 3)
        .map((p) => p.id),
    ).toEqual(["storyteller", "sql-tutor", "math-tutor"]);
    expect(emptySuggestions(catalog, "zzz").personas.map((p) => p.id)).toEqual(
      catalog.orders.featured.slice(0, 4).map((p) => p.id),
    );
  });

  it("always offers some categories, even for a query with no real word", () => {
    expect(emptySuggestions(catalog, "?!").categories).toHaveLength(3);
  });
});
