import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readSource } from "./detect";
import { readLobeHub } from "./lobehub";

const agent = () =>
  JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "__fixtures__", "lobehub-agent.json"), "utf8"));

describe("LobeHub agent JSON", () => {
  it("maps identifier, meta, config, author and createdAt", () => {
    const result = readSource(
      fs.readFileSync(path.join(import.meta.dirname, "__fixtures__", "lobehub-agent.json")),
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.draft).toMatchObject({
      format: "lobehub",
      id: "typescript-expert",
      name: "TypeScript Expert",
      description: "Helps you write strict, readable TypeScript.",
      avatar: "🧑‍💻",
      tags: ["TypeScript", "Programming", "types"],
      sourceCategory: "programming",
      body: expect.stringMatching(/^You are a TypeScript expert\./),
      greeting: "Hi! Paste some TypeScript and I'll tighten its types.",
      starters: ["How do I type a reducer?", "What is a discriminated union?"],
      author: "lobehub-fan",
      published: "2024-02-10",
    });
  });

  it("keeps the keys it does not use under extensions.lobehub", () => {
    const result = readLobeHub(agent());
    expect(result.ok && result.draft.extensions).toEqual({
      lobehub: { homepage: "https://example.com/ts-expert", config: { params: { temperature: 0.3 } } },
    });
  });

  it("a picture address as avatar is not fetched: noted, no emoji taken", () => {
    const value = agent();
    value.meta.avatar = "https://example.com/a.png";
    const result = readLobeHub(value);
    expect(result.ok && result.draft.avatar).toBeUndefined();
    expect(result.ok && result.draft.notes.join(" ")).toMatch(/not an emoji/);
  });

  it("is malformed without a title or a systemRole", () => {
    const noTitle = agent();
    delete noTitle.meta.title;
    expect(readLobeHub(noTitle)).toMatchObject({
      kind: "malformed",
      reason: "the agent has no `meta.title`",
    });
    const noRole = agent();
    noRole.config.systemRole = " ";
    expect(readLobeHub(noRole)).toMatchObject({
      kind: "malformed",
      reason: expect.stringMatching(/systemRole/),
    });
  });
});
