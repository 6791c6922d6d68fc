import { describe, expect, it } from "vitest";
import { catalogFile, catalogIds, importedFixture } from "./__fixtures__/persona-file";
import { checkContent } from "./content-check";

const lineOf = (text: string, start: string) => text.split("\n").findIndex((l) => l.startsWith(start)) + 1;

describe("content-check: the rules of npm run content:check, by the same code", () => {
  it("a catalog persona passes and comes back parsed", () => {
    const { persona, findings } = checkContent({ ...catalogFile("sql-tutor"), knownIds: catalogIds });
    expect(findings).toEqual([]);
    expect(persona?.id).toBe("sql-tutor");
  });

  it("an imported fixture passes (what the studio's Import makes)", () => {
    const file = importedFixture("lobehub-agent.json");
    expect(checkContent({ ...file, knownIds: catalogIds }).findings).toEqual([]);
  });

  it("a field over its size names the field and its line", () => {
    const { text, fileName } = catalogFile("sql-tutor");
    const long = text.replace(/^name: .*$/m, `name: ${"N".repeat(81)}`);
    const { persona, findings } = checkContent({ fileName, text: long, knownIds: catalogIds });
    expect(persona).toBeUndefined();
    expect(findings).toEqual([
      {
        rule: "content-check",
        level: "refuse",
        field: "name",
        line: lineOf(long, "name:"),
        message: 'The field "name" must be at most 80 characters.',
      },
    ]);
  });

  it("a worksWellWith link to a persona that does not exist names the entry and its line", () => {
    const { text, fileName } = catalogFile("sql-tutor");
    const broken = text.replace(/^worksWellWith:\n {2}- [a-z-]+$/m, "worksWellWith:\n  - no-such-persona");
    expect(broken).not.toBe(text);
    const { findings } = checkContent({ fileName, text: broken, knownIds: catalogIds });
    expect(findings).toEqual([
      expect.objectContaining({
        field: "worksWellWith.0",
        line: lineOf(broken, "  - no-such-persona"),
        message: 'Entry 1 of "worksWellWith": no persona has the id "no-such-persona".',
      }),
    ]);
  });

  it("a link is good when the id is known, even if it is not a content file (a creator's persona)", () => {
    const { text, fileName } = catalogFile("sql-tutor");
    const linked = text.replace(/^worksWellWith:\n/m, "worksWellWith:\n  - ada-data-buddy\n");
    const known = new Set([...catalogIds, "ada-data-buddy"]);
    expect(checkContent({ fileName, text: linked, knownIds: catalogIds }).findings).toHaveLength(1);
    expect(checkContent({ fileName, text: linked, knownIds: known }).findings).toEqual([]);
  });

  it("malformed YAML gives the line js-yaml found", () => {
    const text = "---\nid: x\nname: [unclosed\ndescription: d\n---\n\nBody\n";
    const [finding] = checkContent({ fileName: "x.md", text, knownIds: catalogIds }).findings;
    expect(finding).toMatchObject({ field: "(frontmatter)", level: "refuse" });
    expect(finding!.message).toMatch(/^The front matter: malformed YAML/);
    expect(finding!.line).toBeGreaterThanOrEqual(3);
  });

  it("no front matter, an empty prompt, an id that is not the file name, an unknown field", () => {
    const none = checkContent({ fileName: "x.md", text: "Just a prompt.", knownIds: catalogIds }).findings;
    expect(none[0]!.message).toMatch(/must start with a --- YAML block/);

    const { text } = catalogFile("sql-tutor");
    const empty = checkContent({
      fileName: "sql-tutor.md",
      text: text.slice(0, text.indexOf("\n---", 3) + 4),
      knownIds: catalogIds,
    });
    expect(empty.findings.map((f) => f.field)).toEqual(["body"]);

    const renamed = checkContent({ fileName: "other-name.md", text, knownIds: catalogIds });
    expect(renamed.findings).toEqual([expect.objectContaining({ field: "id", line: lineOf(text, "id:") })]);

    const extra = checkContent({
      fileName: "sql-tutor.md",
      text: text.replace("\n---\n", "\ncolour: red\n---\n"),
      knownIds: catalogIds,
    });
    expect(extra.findings[0]!.message).toMatch(/unknown field\(s\): colour/);
  });

  it("several problems are each reported", () => {
    const { text, fileName } = catalogFile("sql-tutor");
    const bad = text.replace(/^tier: .*$/m, "tier: platinum").replace(/^model: .*$/m, "model: gpt-9");
    const fields = checkContent({ fileName, text: bad, knownIds: catalogIds }).findings.map((f) => f.field);
    expect(fields.sort()).toEqual(["model", "tier"]);
  });
});
