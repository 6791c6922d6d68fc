import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadPersonaDir } from "@/lib/personas/load";
import { readClaudeCode } from "./claude-code";

const fixture = (name: string) =>
  fs.readFileSync(path.join(import.meta.dirname, "__fixtures__", name), "utf8");
const draftOf = (text: string) => {
  const result = readClaudeCode(text);
  if (!result.ok) throw new Error(result.reason);
  return result.draft;
};

describe("Claude Code agent files", () => {
  it("reads name as the id, tools as a comma list, model, the body as the prompt", () => {
    const draft = draftOf(fixture("code-reviewer.md"));
    expect(draft).toMatchObject({
      format: "claude-code",
      id: "code-reviewer",
      name: "Code Reviewer",
      tools: ["Read", "Grep", "Glob", "Bash"],
      model: "opus",
    });
    expect(draft.body).toMatch(/^You are a senior code reviewer\./);
    expect(draft.body).toMatch(/## What you never do/);
    // Its description has an unquoted `user: "..."`, which YAML refuses and Claude Code reads.
    expect(draft.notes).toContain("front matter is not valid YAML: read line by line as key: value");
  });

  it("shows a tagline of the part before its examples, and keeps the whole text and unknown keys", () => {
    const draft = draftOf(fixture("code-reviewer.md"));
    expect(draft.description).toBe("After writing code to review it for bugs, security and style.");
    expect(draft.extensions).toEqual({
      claude_code: {
        description: expect.stringContaining("<example>Context: the user just wrote a function."),
        color: "red",
      },
    });
  });

  it("takes tools as a YAML list, and an unknown model as inherit with a note", () => {
    const draft = draftOf(fixture("tools-list.md"));
    expect(draft).toMatchObject({ id: "SQL Helper", name: "SQL Helper", tools: ["Read", "Bash"] });
    expect(draft.model).toBeUndefined();
    expect(draft.notes).toContain('model "gpt-4" is not sonnet, opus, haiku or inherit: inherit used');
  });

  it("reads a Persona Market persona file as it is (its own id and fields)", () => {
    const text = fs.readFileSync(path.resolve("content/personas/threat-modeler.md"), "utf8");
    const draft = draftOf(text);
    expect(draft).toMatchObject({
      id: "threat-modeler",
      name: "Threat Modeler",
      tier: "pro",
      category: "security",
      model: "opus",
    });
    const persona = loadPersonaDir(path.resolve("content/personas")).personas.find(
      (p) => p.id === "threat-modeler",
    );
    expect(draft.worksWellWith).toEqual(persona!.worksWellWith);
    expect(draft.extensions).toBeUndefined();
  });

  it.each([
    [
      "broken YAML",
      "---\nname: x\n  - [unclosed\nnot a key line\n---\nPrompt",
      /^malformed YAML front matter/,
    ],
    ["no name", "---\ndescription: x\n---\nPrompt", /no `name`/],
    ["an empty body", "---\nname: empty\n---\n\n", /body .* is empty/],
    ["a list as front matter", "---\n- a\n- b\n---\nPrompt", /must be a YAML mapping/],
  ])("%s is malformed", (_label, text, reason) => {
    const result = readClaudeCode(text);
    expect(result).toMatchObject({ ok: false, kind: "malformed" });
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
