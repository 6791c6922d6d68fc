import matter from "gray-matter";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { bomLength, isEmptyMatter, opensWithFrontmatter, splitFrontmatter } from "./frontmatter";

/** What the loader got from gray-matter before it split files itself. */
function viaGrayMatter(text: string) {
  const file = matter(text.replace(/^\uFEFF/, ""), {
    engines: { yaml: (s) => (yaml.safeLoad(s) ?? null) as object },
  });
  return {
    matter: file.matter,
    content: file.content,
    empty: (file as { isEmpty?: boolean }).isEmpty === true,
  };
}

function viaSplit(text: string) {
  const bytes = Buffer.from(text, "utf8");
  const start = bomLength(bytes);
  expect(opensWithFrontmatter(bytes, start)).toBe(true);
  const split = splitFrontmatter(bytes, start);
  return { ...split, empty: isEmptyMatter(split.matter) };
}

describe("splitFrontmatter gives what gray-matter gave", () => {
  const cases: Record<string, string> = {
    "a plain file": "---\nid: a\nname: A\n---\n\n# A\n\nBody.\n",
    "CRLF line ends": "---\r\nid: a\r\n---\r\n# A\r\nBody.\r\n",
    "a byte order mark": "\uFEFF---\nid: a\n---\nBody\n",
    "non-ASCII in both parts": '---\navatar: "🧪"\nname: Café\n---\nNaïve body ✨\n',
    "no closing line": "---\nid: a\nname: A\n",
    "a closing line with more dashes": "---\nid: a\n-----\nBody\n",
    "an empty block": "---\n---\nBody\n",
    "a block of comments only": "---\n# just a comment\n---\nBody\n",
    "a body that starts right after the dashes": "---\nid: a\n---Body on the same line\n",
    "dashes again in the body": "---\nid: a\n---\nBody\n---\nmore\n",
  };
  for (const [name, text] of Object.entries(cases)) {
    it(name, () => {
      const expected = viaGrayMatter(text);
      const actual = viaSplit(text);
      expect(actual.matter).toBe(expected.matter);
      expect(actual.content).toBe(expected.content);
      expect(actual.empty).toBe(expected.empty);
    });
  }

  it("refuses files that do not open with a --- line", () => {
    for (const text of ["# Title\n---\nid: a\n---\n", "----\nid: a\n---\n", "--- \nid: a\n", "---"]) {
      const bytes = Buffer.from(text);
      expect(opensWithFrontmatter(bytes, bomLength(bytes)), JSON.stringify(text)).toBe(false);
    }
  });
});
