import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCardJson } from "./character-card";
import { readSource } from "./detect";

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "__fixtures__", name));
const draftOf = (name: string) => {
  const result = readSource(fixture(name));
  if (!result.ok) throw new Error(result.reason);
  return result.draft;
};

describe("Character Card V2 JSON", () => {
  const draft = draftOf("card-v2.json");

  it("reads data (not the root's legacy copies) and says it is V2", () => {
    expect(draft.format).toBe("card-v2");
    expect(draft.name).toBe("Captain Mara");
  });

  it("makes the prompt fields the body, each in its own section, with {{char}} and {{user}} resolved", () => {
    expect(draft.body).toBe(
      [
        "## Character\n\nCaptain Mara is the captain of the airship Wren. She speaks to you as a trusted crew member.",
        "## Personality\n\nBrave, dry humour, protective of you.",
        "## Scenario\n\nThe Wren is caught in a storm over the northern sea.",
        "## Example dialogue\n\n<START>\nUser: Are we going to make it?\nCaptain Mara: We always do.",
      ].join("\n\n"),
    );
    expect(draft.body).not.toMatch(/\{\{|<user>|<bot>/i);
    expect(draft.notes.join(" ")).toMatch(/\{\{user\}\} written as "you"/);
  });

  it("takes creator_notes as the description and first_mes as the greeting", () => {
    expect(draft.description).toBe(
      "An adventure captain for storm-at-sea stories. Works best with short replies.",
    );
    expect(draft.greeting).toBe("*Captain Mara grips the wheel.* Hold on, you! Storm's here.");
    expect(draft.author).toBe("mara-fan");
    expect(draft.tags).toEqual(["Adventure", "Fantasy", "airship crew", "adventure"]);
  });

  it("keeps extensions it does not understand, and card fields without a persona field", () => {
    expect(draft.extensions).toEqual({
      talkativeness: "0.6",
      fav: false,
      depth_prompt: { prompt: "Stay in character.", depth: 4 },
      chara_card: {
        alternate_greetings: ["*{{char}} waves from the deck.* Welcome aboard."],
        character_book: {
          name: "Wren lore",
          entries: [{ keys: ["Wren"], content: "A three-mast airship." }],
        },
        // The card's own fields as written, to be given back on export (card-fields.test.ts).
        fields: expect.objectContaining({
          personality: "Brave, dry humour, protective of <USER>.",
          character_version: "2.1",
        }),
      },
    });
  });

  it("does not take a version that is not semver, and says so", () => {
    expect(draft.version).toBeUndefined();
    expect(draft.notes.join(" ")).toMatch(/character_version "2.1" is not a semantic version/);
  });
});

describe("Character Card V3 JSON", () => {
  const draft = draftOf("card-v3.json");

  it("puts the system prompt first, drops {{original}}, and reads creation_date as the published day", () => {
    expect(draft.format).toBe("card-v3");
    expect(draft.body).toBe(
      "## Instructions\n\nYou are Professor Lin.  Teach; never just give answers.\n\n## Character\n\nProfessor Lin is a patient physics professor who explains ideas with everyday examples.",
    );
    expect(draft.published).toBe("2024-06-10");
    expect(draft.version).toBe("1.2.0");
    expect(draft.extensions).toEqual({
      world: "classroom",
      chara_card: { nickname: "Prof", fields: expect.objectContaining({ character_version: "1.2.0" }) },
    });
  });

  it("reads back the fields Persona Market keeps under extensions.persona_market, checking each", () => {
    const result = readCardJson({
      spec: "chara_card_v3",
      data: {
        name: "X",
        description: "Prompt.",
        extensions: {
          persona_market: { id: "x-ray", tier: "pro", model: "opus", tools: ["Read"], category: "nope" },
        },
      },
    });
    if (!result.ok) throw new Error(result.reason);
    expect(result.draft).toMatchObject({
      id: "x-ray",
      tier: "pro",
      model: "opus",
      tools: ["Read"],
      body: "Prompt.",
    });
    expect(result.draft.category).toBeUndefined();
    expect(result.draft.notes.join(" ")).toMatch(/persona_market.category ignored/);
    expect(result.draft.extensions).toBeUndefined();
  });
});

describe("malformed cards", () => {
  it.each([
    [
      "a wrong spec",
      { spec: "chara_card_v9", data: { name: "A", description: "B" } },
      /unsupported card spec "chara_card_v9"/,
    ],
    ["no data", { spec: "chara_card_v2" }, /needs a `data` object/],
    ["no name", { spec: "chara_card_v3", data: { description: "B" } }, /no `data.name`/],
    ["no prompt text", { spec: "chara_card_v3", data: { name: "A", first_mes: "hi" } }, /no prompt text/],
  ])("%s", (_label, card, reason) => {
    const result = readCardJson(card);
    expect(result).toMatchObject({ ok: false, kind: "malformed" });
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it("the wrong-spec and broken JSON fixtures are malformed, with the reason", () => {
    expect(readSource(fixture("wrong-spec.json"))).toMatchObject({
      ok: false,
      kind: "malformed",
      reason: expect.stringMatching(/unsupported card spec/),
    });
    expect(readSource(fixture("broken.json"))).toMatchObject({
      ok: false,
      kind: "malformed",
      reason: expect.stringMatching(/^broken JSON/),
    });
  });
});
