import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parsePersonaFile } from "@/lib/personas/parse";
import { b64, charx, pngWithText, v3Card } from "./__fixtures__/build";
import { writeCardV2, writeCardV3 } from "./character-card";
import { importFile } from "./import-file";
import { MARKET_KEY } from "./market-fields";

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "__fixtures__", name));

/** A card with every field a real SillyTavern card fills in, placeholders and odd versions included. */
const fullCard = v3Card("Dr. Elena Voss", {
  description: "{{char}} is a licensed therapist. As {{user}} logs in, she greets them warmly.",
  personality: "Calm, attentive; never judges {{user}}.",
  scenario: "A quiet office after hours; if {{user}} is not smelling nice she says nothing.",
  mes_example: "<START>\n{{user}}: I can't sleep.\n{{char}}: Tell me about your evenings.",
  post_history_instructions: "Stay in character as {{char}}.",
  system_prompt: "You are {{char}}. {{original}}",
  first_mes: "*{{char}} looks up.* Welcome, {{user}}. Sit wherever you like.",
  creator_notes: "A calm therapist character to talk things through.",
  alternate_greetings: ["Oh, {{user}}! Come in.", "*She checks her notes.* Ready when you are."],
  character_book: {
    name: "Clinic",
    scan_depth: 3,
    token_budget: 200,
    entries: [
      { keys: ["insomnia"], content: "{{char}} suggests a sleep diary.", insertion_order: 10, enabled: true },
    ],
  },
  tags: ["Therapist", "comfort", "Slice of Life"],
  character_version: "v2.3",
  creation_date: 1718000123,
  modification_date: 1718100000,
  extensions: { talkativeness: "0.5", depth_prompt: { prompt: "Be gentle.", depth: 4 } },
});

const CARDS: [string, Uint8Array, "v2" | "v3"][] = [
  ["card-v2.json", fixture("card-v2.json"), "v2"],
  ["card-v3.json", fixture("card-v3.json"), "v3"],
  ["a full V3 card", Buffer.from(JSON.stringify(fullCard)), "v3"],
  ["a card PNG", pngWithText({ ccv3: b64(fullCard) }), "v3"],
  ["a .charx", charx({ "card.json": JSON.stringify(fullCard) }), "v3"],
];

const sourceCard = (bytes: Uint8Array, name: string) => {
  if (name === "a card PNG") return fullCard;
  if (name === "a .charx") return fullCard;
  return JSON.parse(Buffer.from(bytes).toString("utf8"));
};

describe("card → Persona Market → card gives the same fields", () => {
  it.each(CARDS)("%s", (name, bytes, spec) => {
    const imported = importFile(bytes, name);
    if (!imported.ok) throw new Error(imported.reason);
    const parsed = parsePersonaFile(`${imported.draft.baseId}.md`, Buffer.from(imported.draft.text, "utf8"));
    if (!parsed.persona) throw new Error(JSON.stringify(parsed.problems));
    const original = sourceCard(bytes, name).data as Record<string, unknown>;
    const written = (spec === "v2" ? writeCardV2(parsed.persona) : writeCardV3(parsed.persona))
      .data as Record<string, unknown>;
    for (const [field, value] of Object.entries(original)) {
      if (field === "extensions") {
        const { [MARKET_KEY]: added, ...rest } = written.extensions as Record<string, unknown>;
        expect(added, "Persona Market's own fields ride along").toBeDefined();
        expect(rest, "extensions").toEqual(value);
      } else expect(written[field], field).toEqual(value);
    }
  });

  it("a field edited in Persona Market is written from the persona, the others as they were", () => {
    const imported = importFile(Buffer.from(JSON.stringify(fullCard)), "card.json");
    if (!imported.ok) throw new Error(imported.reason);
    const parsed = parsePersonaFile(`${imported.draft.baseId}.md`, Buffer.from(imported.draft.text, "utf8"));
    const persona = { ...parsed.persona!, greeting: "Hello there." };
    const data = writeCardV3(persona).data as Record<string, unknown>;
    expect(data.first_mes).toBe("Hello there.");
    expect(data.personality).toBe(fullCard.data.personality);
  });
});
