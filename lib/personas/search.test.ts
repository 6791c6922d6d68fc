import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildCatalog } from "./catalog";
import { loadPersonaDir } from "./load";
import { makePersona } from "./__fixtures__/make-persona";
import type { Persona } from "./schema";
import { SearchIndex, tokenize } from "./search";
import { isSlip } from "./search-words";

/** Ids of the matches, best first. */
function search(personas: Persona[], query: string): string[] {
  return new SearchIndex(personas).search(query).map((i) => personas[i]!.id);
}

describe("tokenize", () => {
  it("lowercases, strips diacritics and splits on anything that is not a letter or digit", () => {
    expect(tokenize("Café-Owner: NAÏVE über_2026!")).toEqual(["cafe", "owner", "naive", "uber", "2026"]);
  });

  it("returns nothing for punctuation and whitespace", () => {
    expect(tokenize("  --- !!! ")).toEqual([]);
  });
});

describe("SearchIndex ranking", () => {
  // In each case the persona expected to rank lower comes first, so a tie would fail the test.
  it("ranks a name hit above a persona that mentions the word only in its body", () => {
    const personas = [
      makePersona({
        id: "body-only",
        body: "kubernetes kubernetes kubernetes kubernetes kubernetes kubernetes",
      }),
      makePersona({ id: "in-name", name: "Kubernetes Operator" }),
    ];
    expect(search(personas, "kubernetes")).toEqual(["in-name", "body-only"]);
  });

  it("ranks a tag hit above a description-only hit", () => {
    const personas = [
      makePersona({ id: "in-description", description: "Helps with GraphQL schemas." }),
      makePersona({ id: "in-tags", tags: ["graphql"] }),
    ];
    expect(search(personas, "graphql")).toEqual(["in-tags", "in-description"]);
  });

  it("ranks a category hit above a description-only hit", () => {
    const personas = [
      makePersona({ id: "in-description", description: "Knows a lot about security." }),
      makePersona({ id: "in-category", category: "security" }),
    ];
    expect(search(personas, "security")).toEqual(["in-category", "in-description"]);
  });

  it("ranks an exact word above a word it is only a prefix of", () => {
    const personas = [
      makePersona({ id: "prefix", name: "Testing Guru" }),
      makePersona({ id: "exact", name: "Test Pilot" }),
    ];
    expect(search(personas, "test")).toEqual(["exact", "prefix"]);
  });

  it("keeps catalog order between equally good matches", () => {
    const personas = [
      makePersona({ id: "first", tags: ["rust"] }),
      makePersona({ id: "second", tags: ["rust"] }),
    ];
    expect(search(personas, "rust")).toEqual(["first", "second"]);
  });
});

describe("SearchIndex matching", () => {
  const personas = [
    makePersona({ id: "react-dev", name: "React Developer", tags: ["react", "frontend"] }),
    makePersona({ id: "react-tester", name: "React Tester", tags: ["react", "testing"] }),
    makePersona({ id: "platform", name: "Platform Engineer", body: "Runs Kubernetes clusters." }),
    makePersona({ id: "cafe", name: "Café Owner", description: "Runs a naïve little café." }),
  ];

  it("ranks the persona with every word of a multi-word query first", () => {
    expect(search(personas, "react testing")[0]).toBe("react-tester");
  });

  it("finds personas that share any meaningful word with the query", () => {
    expect(search(personas, "react kubernetes").sort()).toEqual(["platform", "react-dev", "react-tester"]);
  });

  it("matches word prefixes, so 'kube' finds Kubernetes", () => {
    expect(search(personas, "kube")).toEqual(["platform"]);
  });

  it("does not match in the middle of a word", () => {
    expect(search(personas, "ernetes")).toEqual([]);
  });

  it("ignores case and diacritics, in both the query and the content", () => {
    expect(search(personas, "CAFE")).toEqual(["cafe"]);
    expect(search(personas, "café")).toEqual(["cafe"]);
    expect(search(personas, "NAIVE")).toEqual(["cafe"]);
    expect(search(personas, "rEaCt DeVeLoPeR")[0]).toBe("react-dev");
  });

  it("counts a repeated query word once", () => {
    expect(search(personas, "react react testing")).toEqual(search(personas, "react testing"));
  });

  it("returns nothing for an empty or punctuation-only query", () => {
    expect(search(personas, "")).toEqual([]);
    expect(search(personas, "   ")).toEqual([]);
    expect(search(personas, "?!")).toEqual([]);
  });

  it("returns nothing when no persona has the word", () => {
    expect(search(personas, "zebra")).toEqual([]);
  });
});

describe("search over the real catalog", () => {
  const catalog = buildCatalog(
    loadPersonaDir(path.resolve(import.meta.dirname, "../../content/personas")).personas,
  );
  const ids = (q: string) => catalog.index.search(q).map((i) => catalog.all[i]!.id);

  it('ranks backend-developer first for "backend"', () => {
    expect(ids("backend")[0]).toBe("backend-developer");
  });

  it('ranks frontend-developer first for "frontend developer"', () => {
    expect(ids("frontend developer")[0]).toBe("frontend-developer");
  });

  it('finds devops-engineer for the prefix "kube"', () => {
    expect(ids("kube")).toContain("devops-engineer");
  });
});

describe("what people type, over the real catalog", () => {
  const catalog = buildCatalog(
    loadPersonaDir(path.resolve(import.meta.dirname, "../../content/personas")).personas,
  );
  const top3 = (q: string) =>
    catalog.index
      .search(q)
      .slice(0, 3)
      .map((i) => catalog.all[i]!.id);

  it.each([
    ["k8s", "devops-engineer"],
    ["ci/cd", "devops-engineer"],
    ["a/b test", "growth-strategist"],
    ["etl", "data-engineer"],
    ["wcag", "accessibility-auditor"],
    ["gdpr", "privacy-counsel"],
    ["my cv", "interview-coach"],
    ["proofread my essay", "copy-editor"],
    ["our site was hacked", "incident-responder"],
  ])("abbreviations and synonyms: %s finds %s", (q, id) => {
    expect(top3(q)).toContain(id);
  });

  it.each([
    ["kubernets deployment keeps crashing", "devops-engineer", "kubernetes"],
    ["accessability", "accessibility-auditor", "accessibility"],
    ["statistcs", "statistician", "statistics"],
    ["postgress", "database-architect", "postgresql"],
  ])("a misspelling (%s) still finds %s", (q, id) => {
    expect(top3(q)).toContain(id);
  });

  it("offers the corrected words as 'did you mean'", () => {
    expect(catalog.index.find("statistcs help").didYouMean).toBe("statistics help");
    expect(catalog.index.find("accessability").didYouMean).toBe("accessibility");
    expect(catalog.index.find("statistics").didYouMean).toBeUndefined();
    // Found through its stem, but a slip all the same.
    expect(catalog.index.find("kubernets deployment keeps crashing").didYouMean).toBe(
      "kubernetes deployment keeps crashing",
    );
  });

  it.each([
    "our site was hacked",
    "improve my cv",
    "proofread my essay",
    "refactor this messy function",
    "write a newsletter",
    "wedding toast",
    "keynote for a conference",
    "design an online course",
    "i keep procrastinating",
    "is my result statistically significant",
    "databases",
  ])("does not 'correct' words spelt right (%s)", (q) => {
    expect(catalog.index.find(q).didYouMean).toBeUndefined();
  });

  it("drops the phrasing of a question", () => {
    expect(top3("help me with my calculus homework")[0]).toBe("math-tutor");
    expect(top3("how do I negotiate a raise")[0]).toBe("negotiation-coach");
  });

  it("meets a word's other forms", () => {
    expect(top3("negotiations")[0]).toBe("negotiation-coach");
    expect(top3("designing apis")[0]).toBe("api-designer");
  });

  it("finds a word that only a free persona's body holds", () => {
    const free = catalog.all.find((p) => p.id === "copy-editor")!;
    expect(free.body).toMatch(/nominalisations/);
    expect(top3("nominalisations")).toEqual(["copy-editor"]);
  });

  it("never finds a paid persona by its body", () => {
    // Only cfo-advisor's body (a max persona) has the word.
    const paid = catalog.all.find((p) => p.id === "cfo-advisor")!;
    expect(paid.body).toMatch(/covenants/);
    expect(catalog.index.search("covenants")).toEqual([]);
  });
});

describe("isSlip", () => {
  it.each([
    ["kubernets", "kubernetes", true],
    ["statistcs", "statistics", true],
    ["accessability", "accessibility", true],
    ["improve", "improved", false],
    ["deploy", "deploying", false],
    ["newsletter", "newsletters", false],
    ["procrastinating", "procrastination", false],
    ["wedding", "red", false],
  ] as const)("%s for %s: %s", (word, shown, slip) => {
    expect(isSlip(word, shown)).toBe(slip);
  });
});
