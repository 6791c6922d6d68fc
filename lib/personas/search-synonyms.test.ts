import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseQuery } from "./search-query";
import { loadSynonymsFile, parseSynonyms, type Synonyms } from "./search-synonyms";

const FILE = "content/search-synonyms.yaml";
const parse = (text: string) => parseSynonyms(text, FILE);
const ok = (text: string): Synonyms => {
  const { synonyms, problems } = parse(text);
  expect(problems).toEqual([]);
  return synonyms!;
};

describe("the synonyms file", () => {
  it("as shipped, has no problems", () => {
    expect(
      loadSynonymsFile(path.resolve(import.meta.dirname, "../../content/search-synonyms.yaml")).problems,
    ).toEqual([]);
  });

  it("reports each problem with its file, field and reason", () => {
    expect(parse("same: [[cv]]\nmeans: {}\nignore: []").problems).toEqual([
      { file: FILE, field: "same.0", reason: "must list at least two" },
    ]);
    expect(parse("same: []\nmeans: { etl: pipelines }\nignore: []").problems).toEqual([
      { file: FILE, field: "means.etl", reason: "must be a list of words or phrases" },
    ]);
    expect(parse("same: []\nmeans: { etl: ['!!'] }\nignore: []").problems).toEqual([
      { file: FILE, field: "means.etl.0", reason: '"!!" has no letters or digits' },
    ]);
    expect(parse("same: []\nmeans: {}\nignore: [help me]").problems).toEqual([
      { file: FILE, field: "ignore.0", reason: '"help me" must be one word' },
    ]);
    expect(parse("same: []\nmeans: { k8s: [kubernetes] }\nignore: [k8s]").problems[0]?.field).toBe(
      "ignore.0",
    );
    expect(parse("same: []\nmeans: {}\nignore: []\nextra: 1").problems[0]?.reason).toMatch(/unknown field/);
    expect(parse("same: [").problems[0]).toMatchObject({
      field: "(file)",
      reason: expect.stringMatching(/YAML/),
    });
  });

  it("reports a missing file", () => {
    expect(loadSynonymsFile("/nonexistent/search-synonyms.yaml").problems[0]?.reason).toBe(
      "file does not exist",
    );
  });
});

describe("parseQuery", () => {
  const synonyms = ok(`
same:
  - [cv, resume, curriculum vitae]
means:
  a/b test: [ab testing, experiments]
ignore: [help, me, with, my, how, do, i]
`);
  const words = (q: string) =>
    parseQuery(q, synonyms).map((c) => c.alternatives.map((a) => a.words.join(" ")));

  it("finds the file's phrases (longest first) and their alternatives, both ways for `same`", () => {
    expect(words("A/B Test")).toEqual([["test", "ab testing", "experiments"]]);
    expect(words("resume")).toEqual([["resume", "cv", "curriculum vitae"]]);
    expect(words("curriculum vitae")).toEqual([["curriculum vitae", "cv", "resume"]]);
  });

  it("matches the file's entries by word form too", () => {
    expect(words("resumes")).toEqual([["resumes", "cv", "curriculum vitae"]]);
  });

  it("drops phrasing words unless nothing else is left", () => {
    expect(words("help me with my cv")).toEqual([["cv", "resume", "curriculum vitae"]]);
    expect(words("how do i")).toEqual([["how"], ["do"], ["i"]]);
  });
});
