import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const FIXTURES = path.join(ROOT, "lib/personas/__fixtures__");

type Run = { status: number | null; stdout: string; stderr: string };

function contentCheck(dir: string, synonyms?: string): Run {
  const run = spawnSync("npx", ["tsx", "scripts/content-check.ts", dir, ...(synonyms ? [synonyms] : [])], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
  });
  // npm itself may warn about the user's config; that is not the script's output.
  const withoutNpm = (text: string) =>
    text
      .split("\n")
      .filter((line) => !line.startsWith("npm warn"))
      .join("\n");
  return { status: run.status, stdout: withoutNpm(run.stdout), stderr: withoutNpm(run.stderr) };
}

/** One file per kind of fault, with the field and the reason content:check must give for it. */
const EXPECTED: Record<string, { field: string; reason: RegExp }> = {
  "malformed-yaml.md": {
    field: "(frontmatter)",
    reason: /^malformed YAML: bad indentation of a mapping entry \(line 3, column 7\)$/,
  },
  "missing-field.md": { field: "name", reason: /^is required$/ },
  "bad-version.md": { field: "version", reason: /semantic version like 1\.0\.0/ },
  "unknown-tier.md": { field: "tier", reason: /^must be one of: free, pro, max$/ },
  "wrong-id.md": {
    field: "id",
    reason: /"not-the-file-name" does not match the file name \(expected "wrong-id"\)/,
  },
  // Claims the id of dangling-link.md: the file-name rule catches it before the duplicate check.
  "duplicate-id.md": { field: "id", reason: /"dangling-link" does not match the file name/ },
  "dangling-link.md": { field: "worksWellWith.0", reason: /^no persona has the id "no-such-persona"$/ },
  "self-link.md": { field: "worksWellWith.0", reason: /^a persona cannot link to itself$/ },
  "empty-body.md": { field: "body", reason: /^must not be empty/ },
  "not-utf8.md": { field: "(file)", reason: /^is not valid UTF-8 \(bad byte 0xff at offset \d+\)$/ },
  "no-frontmatter.md": {
    field: "(frontmatter)",
    reason: /^missing: the file must start with a --- YAML block$/,
  },
};

describe("npm run content:check on broken content", () => {
  let dir: string;
  let run: Run;
  let problemLines: string[];

  beforeAll(() => {
    // A copy of the broken fixtures plus one file with a raw 0xFF byte, written here so that no
    // editor or formatter can "fix" its encoding in the repository.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "content-check-broken-"));
    fs.cpSync(path.join(FIXTURES, "broken"), dir, { recursive: true });
    const valid = fs
      .readFileSync(path.join(FIXTURES, "valid/alpha.md"), "utf8")
      .replace("id: alpha", "id: not-utf8");
    const [head, body] = valid.split("\n# Alpha\n");
    fs.writeFileSync(
      path.join(dir, "not-utf8.md"),
      Buffer.concat([Buffer.from(`${head}\n# Alpha\n`), Buffer.from([0xff]), Buffer.from(body!)]),
    );
    run = contentCheck(dir);
    problemLines = run.stderr.split("\n").filter((line) => /^[\w.-]+\.md: /.test(line));
  }, 60_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("has one fixture file per expected fault", () => {
    expect(fs.readdirSync(dir).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it("exits with code 1", () => {
    expect(run.status).toBe(1);
  });

  for (const [file, { field, reason }] of Object.entries(EXPECTED)) {
    it(`reports ${file} on field "${field}" with a reason`, () => {
      const lines = problemLines.filter((line) => line.startsWith(`${file}: `));
      expect(lines, run.stderr).toHaveLength(1);
      const [, gotField, gotReason] = /^[^:]+: (\([^)]+\)|[^:]+): (.+)$/.exec(lines[0]!) ?? [];
      expect(gotField).toBe(field);
      expect(gotReason).toMatch(reason);
    });
  }

  it("prints every problem as `file: field: reason` and ends with a count", () => {
    const lines = run.stderr.split("\n").filter((line) => line.trim() !== "");
    const summary = lines.pop();
    expect(lines).toEqual(problemLines);
    expect(problemLines).toHaveLength(Object.keys(EXPECTED).length);
    expect(summary).toMatch(/^content:check: 11 problem\(s\) in /);
  });

  it("prints no stack trace and nothing on stdout", () => {
    expect(run.stderr).not.toMatch(/^\s{4}at /m);
    expect(run.stderr).not.toMatch(/Error:/);
    expect(run.stdout.trim()).toBe("");
  });
});

describe("npm run content:check on valid content", () => {
  let run: Run;

  beforeAll(() => {
    run = contentCheck("lib/personas/__fixtures__/valid");
  }, 60_000);

  it("exits with code 0 and prints an OK line", () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^content:check: 3 personas OK in 1 categories/m);
    expect(run.stderr.trim()).toBe("");
  });
});

describe("npm run content:check on a broken synonyms file", () => {
  let dir: string;
  let run: Run;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "content-check-synonyms-"));
    const file = path.join(dir, "search-synonyms.yaml");
    fs.writeFileSync(file, "same:\n  - [cv]\nmeans:\n  etl: pipelines\nignore: []\n");
    run = contentCheck("lib/personas/__fixtures__/valid", file);
  }, 60_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("names the file, the field and the reason of each problem, and exits 1", () => {
    expect(run.status).toBe(1);
    const lines = run.stderr.split("\n").filter((line) => line.includes("search-synonyms.yaml: "));
    expect(lines.map((l) => l.replace(/^.*search-synonyms\.yaml: /, ""))).toEqual([
      "same.0: must list at least two",
      "means.etl: must be a list of words or phrases",
    ]);
  });
});
