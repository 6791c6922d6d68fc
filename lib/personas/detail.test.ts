import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildCatalog } from "./catalog";
import { personaDetail } from "./detail";
import { estimatePromptTokens } from "./prompt-size";
import { loadPersonaDir } from "./load";
import { makePersona } from "./__fixtures__/make-persona";

const LOCKED_SENTENCE = "Always ask for the production blast radius before approving a migration.";
const paidBody = [
  "# Database Architect",
  "",
  "You are a database architect.",
  "",
  "## Your Approach",
  "",
  "Start from the access patterns.",
  "",
  "## Migration Playbook",
  "",
  LOCKED_SENTENCE,
  "",
  "## Red Flags",
  "",
  "- Unbounded queries.",
].join("\n");

const catalog = buildCatalog([
  makePersona({
    id: "db-architect",
    name: "DB Architect",
    tier: "pro",
    body: paidBody,
    worksWellWith: ["helper"],
    author: "Ada",
  }),
  makePersona({ id: "max-persona", name: "Max Persona", tier: "max", body: paidBody }),
  makePersona({
    id: "helper",
    name: "Helper",
    tier: "free",
    worksWellWith: ["db-architect"],
    body: "# Helper\n\nHELPER-PROMPT",
  }),
]);
const get = (id: string) => catalog.byId.get(id)!;

describe("personaDetail for a persona the viewer may not use", () => {
  for (const viewer of [null, "free"] as const) {
    describe(`pro persona, viewer ${viewer ?? "signed out"}`, () => {
      const detail = personaDetail(catalog, get("db-architect"), viewer);
      const json = JSON.stringify(detail);
      const unlocked = personaDetail(catalog, get("db-architect"), "max");

      it("is locked and carries the prompt's size estimate", () => {
        expect(detail.locked).toBe(true);
        expect(detail.promptTokens).toBe(estimatePromptTokens(paidBody));
      });

      it("sends nothing of the body: no sentence, no section title, no body or preview field", () => {
        const lines = paidBody
          .split("\n")
          .map((l) => l.replace(/^[#\s-]+/, "").trim())
          .filter(Boolean);
        expect(lines).toContain("Your Approach");
        for (const line of lines) expect(json, line).not.toContain(line);
        expect(Object.keys(detail).sort()).toEqual(
          Object.keys(unlocked)
            .filter((k) => k !== "body")
            .sort(),
        );
      });

      it("does not send related personas' prompts either", () => {
        expect(json).not.toContain("HELPER-PROMPT");
      });
    });
  }

  it("locks a max persona for a pro viewer", () => {
    const detail = personaDetail(catalog, get("max-persona"), "pro");
    expect(detail.locked).toBe(true);
    expect(JSON.stringify(detail)).not.toContain(LOCKED_SENTENCE);
  });
});

describe("personaDetail for a persona the viewer may use", () => {
  it("unlocks a pro persona for a pro viewer, with the full body", () => {
    const detail = personaDetail(catalog, get("db-architect"), "pro");
    expect(detail.locked).toBe(false);
    expect(detail).toMatchObject({ locked: false, body: paidBody });
  });

  it("unlocks a max persona for a max viewer", () => {
    expect(personaDetail(catalog, get("max-persona"), "max")).toMatchObject({
      locked: false,
      body: paidBody,
    });
  });

  it("unlocks a free persona for a visitor", () => {
    expect(personaDetail(catalog, get("helper"), null)).toMatchObject({
      locked: false,
      body: "# Helper\n\nHELPER-PROMPT",
    });
  });
});

describe("personaDetail's public fields", () => {
  const detail = personaDetail(catalog, get("db-architect"), null);

  it("includes the summary, greeting and author", () => {
    expect(detail).toMatchObject({
      id: "db-architect",
      name: "DB Architect",
      tier: "pro",
      greeting: "Hello!",
      author: "Ada",
      featured: false,
      published: null,
    });
  });

  it("resolves worksWellWith and the reverse links as summaries", () => {
    expect(detail.worksWellWith.map((p) => p.id)).toEqual(["helper"]);
    expect(detail.pairedWith.map((p) => p.id)).toEqual(["helper"]);
    expect(detail.worksWellWith[0]).not.toHaveProperty("body");
  });

  it("uses null for a missing author", () => {
    expect(personaDetail(catalog, get("helper"), null).author).toBeNull();
  });
});

describe("personaDetail over the real catalog", () => {
  const real = buildCatalog(
    loadPersonaDir(path.resolve(import.meta.dirname, "../../content/personas")).personas,
  );
  const paid = real.all.filter((p) => p.tier !== "free");

  it("has paid personas to check", () => {
    expect(paid.length).toBeGreaterThan(0);
  });

  it("never sends a visitor a line of a paid persona's prompt, section titles included", () => {
    let checked = 0;
    for (const persona of paid) {
      const json = JSON.stringify(personaDetail(real, persona, null));
      // The frontmatter is public: a body line that repeats the name or the greeting may show.
      const frontmatter = JSON.stringify([persona.name, persona.description, persona.greeting]);
      for (const raw of persona.body.split("\n")) {
        const line = JSON.stringify(raw.replace(/^[\s#>*|-]+/, "").trim()).slice(1, -1);
        if (line.length < 8 || frontmatter.includes(line)) continue;
        expect(json.includes(line), `${persona.id}: ${line}`).toBe(false);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(paid.length * 10);
  });
});
