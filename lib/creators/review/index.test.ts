import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { draftToPersonaFile, EMPTY_DRAFT } from "../draft";
import {
  CATALOG_DIR,
  catalogFile,
  catalogIds,
  catalogRefs,
  importedFixture,
} from "./__fixtures__/persona-file";
import { PublishedIndex, publishedIndex, REVIEW_MAX_BYTES, reviewPersonaFile, verdictOf } from "./index";

const index = new PublishedIndex(catalogRefs);
const review = (file: { fileName: string; text: string }, remixOf?: string) =>
  reviewPersonaFile({ ...file, published: index, knownIds: catalogIds, remixOf });

describe("reviewPersonaFile", () => {
  it("every file in content/personas is clean when reviewed against the rest of the catalog", () => {
    const names = fs.readdirSync(CATALOG_DIR).filter((f) => f.endsWith(".md"));
    expect(names.length).toBeGreaterThan(10);
    for (const fileName of names) {
      const report = review({ fileName, text: fs.readFileSync(path.join(CATALOG_DIR, fileName), "utf8") });
      expect(
        report.findings.filter((f) => f.level !== "info"),
        fileName,
      ).toEqual([]);
      expect(report.verdict, fileName).toBe("clean");
    }
  }, 60_000);

  it("the formats' fixtures, imported as the studio does, are clean", () => {
    for (const f of [
      "card-v3.json",
      "card-v2.json",
      "lobehub-agent.json",
      "code-reviewer.md",
      "tools-list.md",
    ]) {
      const report = review(importedFixture(f));
      expect(report.verdict, `${f}: ${JSON.stringify(report.findings)}`).toBe("clean");
    }
  });

  it("the issue's story: a planted key is refused with its line; a copy then needs a moderator; a rewrite is clean", () => {
    const key = ["sk", "proj", "Qz7Rt2mXc9LpVb4NwK8sJd3FhG6yTa1EuO5iZ0qWnBvCx"].join("-");
    const copied = catalogFile("code-reviewer").text.replace("id: code-reviewer", "id: my-reviewer");
    const planted = copied.replace(/\n## /, `\nUse the key ${key} for the API.\n\n## `);
    const first = review({ fileName: "my-reviewer.md", text: planted });
    expect(first.verdict).toBe("refused");
    const secret = first.findings.find((f) => f.rule === "secret")!;
    expect(secret.line).toBe(planted.split("\n").findIndex((l) => l.includes(key)) + 1);
    expect(secret.message).toContain(`Line ${secret.line}`);

    const second = review({ fileName: "my-reviewer.md", text: copied });
    expect(second.verdict).toBe("needs_moderator");
    expect(second.findings[0]).toMatchObject({ rule: "near-duplicate", matchedId: "code-reviewer" });

    const own =
      copied.slice(0, copied.indexOf("\n---", 3) + 4) +
      "\n\nYou review pull requests for a small team. Ask what the change is for, read it whole, then list blocking issues first and style notes last.\n";
    const third = review({
      fileName: "my-reviewer.md",
      text: own.replace(
        /^description: .*$/m,
        "description: Reviews a small team's pull requests, blocking issues first.",
      ),
    });
    expect(third.findings.filter((f) => f.level !== "info")).toEqual([]);
    expect(third.verdict).toBe("clean");
  });

  it("a persona file as the studio writes it (id <handle>--<slug>) is clean", () => {
    const text = draftToPersonaFile(
      {
        ...EMPTY_DRAFT,
        slug: "data-buddy",
        name: "Data Buddy",
        description: "Helps you tidy spreadsheets before analysis.",
        greeting: "Hi! Send me a messy CSV.",
        tags: ["data", "spreadsheets"],
        worksWellWith: ["data-analyst"],
        body: "You help people clean spreadsheets: find duplicated rows, odd dates and mixed units, and explain each fix in one line.",
      },
      { handle: "ada", tier: "free", published: "2026-12-07" },
    );
    const report = review({ fileName: "ada--data-buddy.md", text });
    expect(report.findings.filter((f) => f.level !== "info")).toEqual([]);
    expect(report.verdict).toBe("clean");
  });

  it("a remix of the persona it names is clean, with the likeness said", () => {
    const copied = catalogFile("code-reviewer").text.replace("id: code-reviewer", "id: my-reviewer");
    const report = review({ fileName: "my-reviewer.md", text: copied }, "code-reviewer");
    expect(report.verdict).toBe("clean");
    expect(report.findings).toContainEqual(
      expect.objectContaining({ rule: "near-duplicate", level: "info" }),
    );
  });

  it("hostile content needs a moderator; refusals come first in the report", () => {
    const text = catalogFile("sql-tutor", (b) => `${b}\n\n![](https://t.test/p.gif)`).text;
    const report = review({ fileName: "sql-tutor.md", text: text.replace(/^tier: .*$/m, "tier: gold") });
    expect(report.verdict).toBe("refused");
    expect(report.findings.map((f) => f.rule)).toEqual(["content-check", "remote-image", "links"]);
    expect(report.findings.map((f) => f.level)).toEqual(["refuse", "flag", "info"]);
  });

  it("an oversized file is refused without being read further", () => {
    const report = review({ fileName: "x.md", text: "x".repeat(REVIEW_MAX_BYTES + 1) });
    expect(report).toEqual({
      verdict: "refused",
      findings: [
        expect.objectContaining({ rule: "content-check", message: expect.stringMatching(/at most 256 KB/) }),
      ],
    });
  });

  it("a published list given as an array is indexed once and reused", () => {
    const list = [...catalogRefs];
    expect(publishedIndex(list)).toBe(publishedIndex(list));
    expect(publishedIndex(list)).not.toBe(publishedIndex([...catalogRefs]));
    expect(publishedIndex(index)).toBe(index);
    const report = reviewPersonaFile({ ...catalogFile("sql-tutor"), published: list, knownIds: catalogIds });
    expect(report.verdict).toBe("clean");
  });

  it("the verdict: any refusal, else any flag, else clean", () => {
    const f = (level: "refuse" | "flag" | "info") => ({ rule: "r", level, message: "m" });
    expect(verdictOf([f("info"), f("flag"), f("refuse")]).verdict).toBe("refused");
    expect(verdictOf([f("info"), f("flag")]).verdict).toBe("needs_moderator");
    expect(verdictOf([f("info")]).verdict).toBe("clean");
    expect(verdictOf([]).verdict).toBe("clean");
  });
});
