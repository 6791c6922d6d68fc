import fs from "node:fs";
import path from "node:path";
import jsyaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readSource } from "./detect";
import { dumpYaml, frontmatterFile, readFrontmatterFile } from "./yaml";

describe("dumpYaml", () => {
  it("writes emoji as they are, and multi-line text with emoji as a block", () => {
    const value = {
      avatar: "🛡️",
      greeting: "I'm your Threat Modeler 🛡️\nWhat should we model?\n",
      tags: ["⚙️ gear"],
    };
    const text = dumpYaml(value);
    expect(text).not.toMatch(/\\U|\\u/);
    expect(text).toContain("greeting: |\n  I'm your Threat Modeler 🛡️\n  What should we model?\n");
    expect(parse(text)).toEqual(value);
  });

  it("keeps private-use characters and emoji apart, and never folds a long line", () => {
    const value = { a: "\ue000 and 🦊", b: "🦊\ue001🐻", "k🐻": "x", long: "word ".repeat(60).trim() };
    const text = dumpYaml(value);
    expect(parse(text)).toEqual(value);
    expect(text.split("\n").find((l) => l.startsWith("long:"))).toHaveLength(6 + 299);
  });

  it("quotes what a YAML 1.1 reader (the catalog's) would take for a date, a boolean or a number", () => {
    const value = { published: "2026-03-14", answer: "yes", mode: "0755", off: "on", none: "null" };
    const text = dumpYaml(value);
    expect(jsyaml.safeLoad(text, { schema: jsyaml.CORE_SCHEMA })).toEqual(value);
    expect(jsyaml.safeLoad(text)).toEqual(value);
  });
});

describe("the seed persona with mis-encoded emoji", () => {
  it("comes in repaired and is written back with its real emoji", () => {
    const result = readSource(fs.readFileSync(path.resolve("content/personas/backend-developer.md")));
    if (!result.ok) throw new Error(result.reason);
    const text = frontmatterFile({ avatar: result.draft.avatar, greeting: result.draft.greeting }, "x");
    expect(text).toContain("avatar: ⚙️\n");
    expect(text).toContain("Hey! I'm your Backend Developer ⚙️");
    expect(readFrontmatterFile(text).data).toMatchObject({ avatar: "⚙️" });
  });
});
