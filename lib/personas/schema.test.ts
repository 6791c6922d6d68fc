import { describe, expect, it } from "vitest";
import { frontmatterSchema } from "./schema";

const valid = {
  id: "test-persona",
  name: "Test Persona",
  description: "A persona that exists for the schema tests.",
  version: "1.2.3",
  avatar: "🧪",
  greeting: "Hello!",
  category: "development",
  tags: ["testing", "qa"],
  tier: "pro",
  tools: ["Read", "Grep"],
  model: "sonnet",
  worksWellWith: ["code-reviewer"],
  starters: ["Review my test plan"],
  author: "Persona Market",
  published: "2026-03-14",
  featured: true,
};

/** The issues (field -> messages) for `valid` with some fields changed or removed. */
function issuesFor(changes: Record<string, unknown>, remove: string[] = []): Record<string, string[]> {
  const input: Record<string, unknown> = { ...valid, ...changes };
  for (const key of remove) delete input[key];
  const result = frontmatterSchema.safeParse(input);
  if (result.success) return {};
  const byField: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.join(".") || "(frontmatter)";
    (byField[field] ??= []).push(issue.message);
  }
  return byField;
}

describe("frontmatterSchema", () => {
  it("accepts a complete, valid frontmatter object and keeps its values", () => {
    const result = frontmatterSchema.safeParse(valid);
    expect(result.success).toBe(true);
    expect(result.data).toEqual(valid);
  });

  it("accepts a minimal object without the optional fields", () => {
    const optional = ["starters", "author", "published", "featured"];
    const minimal = Object.fromEntries(Object.entries(valid).filter(([key]) => !optional.includes(key)));
    const result = frontmatterSchema.safeParse(minimal);
    expect(result.success).toBe(true);
    expect(result.data?.published).toBeUndefined();
  });

  it("accepts emoji with variation selectors, ZWJ sequences and flags as one avatar", () => {
    for (const avatar of ["⚙️", "👨‍💻", "🇬🇧", "👋🏽"]) {
      expect(issuesFor({ avatar }), avatar).toEqual({});
    }
  });

  it("turns a YAML date (a Date object) into YYYY-MM-DD", () => {
    const result = frontmatterSchema.parse({ ...valid, published: new Date("2026-03-14T00:00:00Z") });
    expect(result.published).toBe("2026-03-14");
  });

  it("trims text fields", () => {
    expect(frontmatterSchema.parse({ ...valid, name: "  Spaced  " }).name).toBe("Spaced");
  });

  const failures: {
    what: string;
    changes?: Record<string, unknown>;
    remove?: string[];
    field: string;
    message: RegExp;
  }[] = [
    { what: "a missing id", remove: ["id"], field: "id", message: /^is required$/ },
    { what: "an id that is not kebab-case", changes: { id: "Bad_Id" }, field: "id", message: /kebab-case/ },
    { what: "a missing name", remove: ["name"], field: "name", message: /^is required$/ },
    { what: "a blank name", changes: { name: "   " }, field: "name", message: /must not be empty/ },
    {
      what: 'a version that is not semver ("1.0")',
      changes: { version: "1.0" },
      field: "version",
      message: /semantic version like 1\.0\.0/,
    },
    {
      what: "a version given as a number",
      changes: { version: 1 },
      field: "version",
      message: /version like 1\.0\.0/,
    },
    {
      what: 'letters as the avatar ("AB")',
      changes: { avatar: "AB" },
      field: "avatar",
      message: /single emoji/,
    },
    {
      what: "two emoji as the avatar",
      changes: { avatar: "🚀🔥" },
      field: "avatar",
      message: /single emoji/,
    },
    {
      what: 'an unknown tier ("gold")',
      changes: { tier: "gold" },
      field: "tier",
      message: /one of: free, pro, max/,
    },
    {
      what: "an unknown model",
      changes: { model: "gpt-4" },
      field: "model",
      message: /one of: sonnet, opus, haiku, inherit/,
    },
    {
      what: "an unknown category",
      changes: { category: "cooking" },
      field: "category",
      message: /one of: development, data,/,
    },
    {
      what: "tags that are not a list",
      changes: { tags: "react" },
      field: "tags",
      message: /must be a list/,
    },
    { what: "an empty tag list", changes: { tags: [] }, field: "tags", message: /at least one tag/ },
    {
      what: "a tag that is not kebab-case",
      changes: { tags: ["ok", "Not OK"] },
      field: "tags.1",
      message: /kebab-case/,
    },
    {
      what: "a worksWellWith entry that is not an id",
      changes: { worksWellWith: ["Nope!"] },
      field: "worksWellWith.0",
      message: /kebab-case/,
    },
    {
      what: "a description over 300 characters",
      changes: { description: "x".repeat(301) },
      field: "description",
      message: /at most 300 characters/,
    },
    {
      what: 'a published value that is not a date ("yesterday")',
      changes: { published: "yesterday" },
      field: "published",
      message: /date like 2026-03-14/,
    },
    {
      what: "a published value that is a number",
      changes: { published: 5 },
      field: "published",
      message: /date like 2026-03-14/,
    },
    {
      what: "an impossible calendar date (2026-02-30)",
      changes: { published: "2026-02-30" },
      field: "published",
      message: /real calendar date/,
    },
    {
      what: "featured that is not a boolean",
      changes: { featured: "yes" },
      field: "featured",
      message: /true or false/,
    },
    {
      what: "an unknown extra field",
      changes: { color: "red" },
      field: "(frontmatter)",
      message: /unknown field\(s\): color/,
    },
  ];

  for (const { what, changes = {}, remove, field, message } of failures) {
    it(`rejects ${what} with a readable message on "${field}"`, () => {
      const issues = issuesFor(changes, remove);
      expect(Object.keys(issues)).toEqual([field]);
      expect(
        issues[field]!.some((m) => message.test(m)),
        issues[field]!.join(" | "),
      ).toBe(true);
      for (const m of issues[field]!) expect(m).not.toMatch(/Invalid input|expected \w+, received/);
    });
  }

  it("reports every bad field at once", () => {
    const issues = issuesFor({ version: "1.0", tier: "gold" }, ["name"]);
    expect(Object.keys(issues).sort()).toEqual(["name", "tier", "version"]);
  });
});

describe("frontmatterSchema: image and extensions", () => {
  const issue = (extra: Record<string, unknown>) => {
    const result = frontmatterSchema.safeParse({ ...valid, ...extra });
    return result.success ? undefined : result.error.issues[0];
  };

  it("takes a picture's file name in the same directory", () => {
    for (const image of ["a.png", "Card-1.JPG", "x.jpeg", "pilot.card.webp"])
      expect(issue({ image }), image).toBeUndefined();
  });

  it("refuses paths, other types and hidden names", () => {
    for (const image of [
      "../a.png",
      "img/a.png",
      "/etc/a.png",
      ".a.png",
      "a.gif",
      "a.png.exe",
      "a..png",
      "",
      7,
    ]) {
      expect(issue({ image }), String(image)).toMatchObject({ path: ["image"] });
    }
  });

  it("keeps any mapping as extensions, up to 64 KB of JSON", () => {
    expect(
      issue({ extensions: { talkativeness: "0.5", chara_card: { alternate_greetings: ["Hi"] } } }),
    ).toBeUndefined();
    expect(issue({ extensions: ["a"] })).toMatchObject({
      path: ["extensions"],
      message: "must be a mapping of name: value",
    });
    expect(issue({ extensions: { big: "x".repeat(70_000) } })).toMatchObject({
      path: ["extensions"],
      message: expect.stringMatching(/at most 65536/),
    });
  });
});
