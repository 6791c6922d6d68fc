import { describe, expect, it } from "vitest";
import { finishDraft } from "./finish";
import type { PersonaDraft } from "./types";

const draft = (over: Partial<PersonaDraft> = {}): PersonaDraft => ({
  format: "card-v3",
  name: "Captain Mara",
  body: "Captain Mara flies an airship through a fantasy world of adventure.",
  notes: [],
  ...over,
});

describe("finishDraft", () => {
  it("generates a greeting, starters, tags and a description plainly, and reports each", () => {
    const { data, notes } = finishDraft(draft());
    expect(data.greeting).toBe(
      "Hi, I'm Captain Mara. Captain Mara flies an airship through a fantasy world of adventure. What would you like to work on?",
    );
    expect(data.starters).toHaveLength(3);
    expect(data.description).toBe("Captain Mara flies an airship through a fantasy world of adventure.");
    expect(notes).toEqual(
      expect.arrayContaining([
        "greeting generated from the name and description",
        "starters generated",
        "description taken from the prompt's first sentence",
        'no tags in the source: tagged "entertainment"',
      ]),
    );
  });

  it("keeps a source's greeting and empty starters as they are", () => {
    const { data, notes } = finishDraft(draft({ greeting: "Ahoy!", starters: [] }));
    expect(data).toMatchObject({ greeting: "Ahoy!", starters: [] });
    expect(notes.join(" ")).not.toMatch(/generated/);
  });

  it("normalises tags: kebab-case in any script, unique, at most 12, and says what it left out", () => {
    const tags = [
      "Sci Fi",
      "sci-fi",
      "C++",
      "  ",
      "Über Cool",
      ...Array.from({ length: 20 }, (_, i) => `t${i}`),
    ];
    const finished = finishDraft(draft({ tags }));
    expect(finished.data.tags).toEqual([
      "sci-fi",
      "c-plus-plus",
      "über-cool",
      ...Array.from({ length: 9 }, (_, i) => `t${i}`),
    ]);
    expect(finished.notes).toContain(
      `tags left out: ${Array.from({ length: 11 }, (_, i) => `"t${i + 9}" (more than 12 tags)`).join(", ")}`,
    );
  });

  it("keeps LobeHub's Chinese, Japanese and Russian tags, and says truthfully when none could be kept", () => {
    const finished = finishDraft(draft({ tags: ["角色扮演", "翻译 助手", "日本語", "Русский", "GPT-4"] }));
    expect(finished.data.tags).toEqual(["角色扮演", "翻译-助手", "日本語", "русский", "gpt-4"]);
    expect(finished.notes.join("\n")).not.toMatch(/tags left out|no tags/);
    const none = finishDraft(draft({ tags: ["!!!", "🎭"] }));
    expect(none.notes).toContain('tags left out: "!!!" (no letters or digits), "🎭" (no letters or digits)');
    expect(none.notes.some((n) => n.startsWith("no usable tags: tagged"))).toBe(true);
  });

  it("category: --category first, then the persona's own, then inferred with the source's as a weight", () => {
    expect(finishDraft(draft({ sourceCategory: "programming" }), { category: "data" }).data.category).toBe(
      "data",
    );
    expect(finishDraft(draft({ category: "security", sourceCategory: "programming" })).data.category).toBe(
      "security",
    );
    expect(finishDraft(draft({ sourceCategory: "programming" })).data.category).toBe("development");
    const inferred = finishDraft(draft({ sourceCategory: "general" }));
    expect(inferred.data.category).toBe("entertainment");
    expect(inferred.notes.join(" ")).toMatch(
      /category entertainment inferred from the text \(source category "general" has no match; score \d+\)/,
    );
  });

  it("tier: --tier, else the source's, else free; ids kebab-case from the id or the name", () => {
    expect(finishDraft(draft(), { tier: "max" }).data.tier).toBe("max");
    expect(finishDraft(draft({ tier: "pro" })).data.tier).toBe("pro");
    expect(finishDraft(draft()).data.tier).toBe("free");
    expect(finishDraft(draft()).baseId).toBe("captain-mara");
    expect(finishDraft(draft({ id: "SQL Helper" })).baseId).toBe("sql-helper");
    expect(finishDraft(draft({ name: "!!!" })).baseId).toBe("persona");
  });

  it("shortens what is over the schema's limits and says so", () => {
    const { data, notes } = finishDraft(draft({ name: "N".repeat(100), description: "word ".repeat(100) }));
    expect((data.name as string).length).toBeLessThanOrEqual(80);
    expect((data.description as string).length).toBeLessThanOrEqual(300);
    expect(data.description).toMatch(/…$/);
    expect(notes).toEqual(
      expect.arrayContaining(["name shortened to 80 characters", "description shortened to 300 characters"]),
    );
  });
});
