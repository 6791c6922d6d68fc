import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { crossCheck, loadPersonaDir } from "./load";
import { makePersona } from "./__fixtures__/make-persona";
import { CATEGORIES } from "./schema";
import { TIERS } from "@/lib/tiers";

const CONTENT_DIR = path.resolve(import.meta.dirname, "../../content/personas");

const persona = (id: string, worksWellWith: string[] = [], file = `${id}.md`) =>
  makePersona({ id, worksWellWith, file });

describe("loadPersonaDir on the real catalog (content/personas)", () => {
  const { personas, problems } = loadPersonaDir(CONTENT_DIR);
  const ids = new Set(personas.map((p) => p.id));

  it("reports no problems", () => {
    expect(problems).toEqual([]);
  });

  it("loads at least 42 personas with unique ids", () => {
    expect(personas.length).toBeGreaterThanOrEqual(42);
    expect(ids.size).toBe(personas.length);
  });

  it("covers at least 8 categories, all of them known", () => {
    const categories = new Set(personas.map((p) => p.category));
    expect(categories.size).toBeGreaterThanOrEqual(8);
    for (const c of categories) expect(Object.keys(CATEGORIES)).toContain(c);
  });

  it("has personas in every tier", () => {
    expect(new Set(personas.map((p) => p.tier))).toEqual(new Set(TIERS));
  });

  it("links worksWellWith only to personas that exist", () => {
    for (const p of personas) {
      for (const target of p.worksWellWith) expect(ids.has(target), `${p.id} -> ${target}`).toBe(true);
    }
  });

  it("includes the personas the seed links to", () => {
    for (const id of ["backend-developer", "frontend-developer", "devops-engineer", "data-analyst"]) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it("records each persona's file name and non-empty body", () => {
    const backend = personas.find((p) => p.id === "backend-developer")!;
    expect(backend.file).toBe("backend-developer.md");
    expect(backend.body).toMatch(/^# Backend Developer/);
    expect(backend.starters).toEqual(expect.any(Array));
  });
});

describe("loadPersonaDir on a directory that is missing or empty", () => {
  it("reports a missing directory instead of throwing", () => {
    const result = loadPersonaDir(path.join(CONTENT_DIR, "does-not-exist"));
    expect(result.personas).toEqual([]);
    expect(result.problems).toEqual([
      {
        file: expect.stringContaining("does-not-exist"),
        field: "(directory)",
        reason: "directory does not exist",
      },
    ]);
  });

  it("reports a directory without persona files", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "personas-empty-"));
    fs.writeFileSync(path.join(dir, "README.txt"), "not a persona");
    const result = loadPersonaDir(dir);
    fs.rmSync(dir, { recursive: true });
    expect(result.problems).toEqual([
      expect.objectContaining({ field: "(directory)", reason: "contains no persona files (*.md)" }),
    ]);
  });
});

describe("crossCheck", () => {
  it("finds nothing wrong with personas that link to each other", () => {
    expect(crossCheck([persona("a", ["b"]), persona("b", ["a"])])).toEqual([]);
  });

  it("reports a duplicate id on the second file, naming the first", () => {
    expect(crossCheck([persona("a", [], "a.md"), persona("a", [], "a-copy.md")])).toEqual([
      { file: "a-copy.md", field: "id", reason: '"a" is already used by a.md' },
    ]);
  });

  it("reports a dangling link with its position", () => {
    expect(crossCheck([persona("a", ["b", "ghost"]), persona("b")])).toEqual([
      { file: "a.md", field: "worksWellWith.1", reason: 'no persona has the id "ghost"' },
    ]);
  });

  it("reports a persona that links to itself", () => {
    expect(crossCheck([persona("a", ["a"])])).toEqual([
      { file: "a.md", field: "worksWellWith.0", reason: "a persona cannot link to itself" },
    ]);
  });

  it("reports a target listed twice, at the second mention", () => {
    expect(crossCheck([persona("a", ["b", "b"]), persona("b")])).toEqual([
      { file: "a.md", field: "worksWellWith.1", reason: '"b" is listed twice' },
    ]);
  });

  it("reports every problem, not just the first", () => {
    const problems = crossCheck([persona("a", ["a", "ghost"]), persona("a", [], "dup.md")]);
    expect(problems.map((p) => `${p.file}: ${p.field}`)).toEqual([
      "dup.md: id",
      "a.md: worksWellWith.0",
      "a.md: worksWellWith.1",
    ]);
  });
});
