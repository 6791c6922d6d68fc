import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadPersonaDir } from "@/lib/personas/load";
import { parsePersonaFile } from "@/lib/personas/parse";
import type { Persona } from "@/lib/personas/schema";
import { readSource } from "./detect";
import { exportPersona } from "./export";
import { finishDraft } from "./finish";
import { MARKET_KEY } from "./market-fields";
import { readPngChunks, solidPng, textChunks } from "./png";
import { EXPORT_FORMATS, type ExportFormat } from "./types";
import { frontmatterFile } from "./yaml";

/** Export, then import the file as content:import does (read by content, finish, write, parse). */
function roundTrip(persona: Persona, format: ExportFormat, picture?: Uint8Array) {
  return importBytes(exportPersona(persona, format, picture).bytes);
}

function importBytes(bytes: Uint8Array) {
  const read = readSource(bytes);
  if (!read.ok) throw new Error(read.reason);
  const finished = finishDraft(read.draft);
  const image = read.draft.image && `${finished.baseId}.${read.draft.image.ext}`;
  const text = frontmatterFile({ ...finished.data, ...(image && { image }) }, finished.body);
  const parsed = parsePersonaFile(`${finished.baseId}.md`, Buffer.from(text));
  if (!parsed.persona) throw new Error(JSON.stringify(parsed.problems));
  return { persona: parsed.persona, image: read.draft.image };
}

/** Everything but where the file was read from. */
// Where the file was, and the hash of its exact bytes, are the file's, not the persona's fields.
const comparable = (p: Persona) =>
  Object.fromEntries(Object.entries(p).filter(([k]) => k !== "file" && k !== "textHash"));

const catalog = loadPersonaDir(path.resolve("content/personas")).personas;

describe("round trip: export then import gives back the same persona", () => {
  it.each(EXPORT_FORMATS)("every catalog persona through %s", (format) => {
    expect(catalog.length).toBeGreaterThan(10);
    for (const persona of catalog) {
      expect(comparable(roundTrip(persona, format).persona), `${persona.id} via ${format}`).toEqual(
        comparable(persona),
      );
    }
  });

  it("the seed persona (stored mis-encoded, repaired on load) comes back repaired, in every format", () => {
    const seed = catalog.find((p) => p.id === "backend-developer")!;
    expect(seed.avatar).toBe("⚙️");
    for (const format of EXPORT_FORMATS) expect(roundTrip(seed, format).persona.greeting).toBe(seed.greeting);
  });

  const fromCard = importBytes(
    Buffer.from(
      JSON.stringify({
        spec: "chara_card_v2",
        data: {
          name: "Keeper",
          description: "Keeper guards the lighthouse.",
          first_mes: "Evening.",
          alternate_greetings: ["Morning."],
          extensions: { talkativeness: "0.4", depth_prompt: { prompt: "Calm.", depth: 2 } },
        },
      }),
    ),
  ).persona;

  it.each(EXPORT_FORMATS)("a card's unknown extensions survive a trip through %s", (format) => {
    expect(fromCard.extensions).toEqual({
      talkativeness: "0.4",
      depth_prompt: { prompt: "Calm.", depth: 2 },
      chara_card: { alternate_greetings: ["Morning."], fields: expect.any(Object) },
    });
    expect(comparable(roundTrip(fromCard, format).persona)).toEqual(comparable(fromCard));
  });

  it("the card PNG carries the persona's picture; without one it is a plain square that is not imported as a picture", () => {
    const picture = solidPng(8, 8, [250, 200, 0]);
    const persona = { ...catalog[0]!, image: `${catalog[0]!.id}.png` };
    const back = roundTrip(persona, "card-v3-png", picture);
    expect(comparable(back.persona)).toEqual(comparable(persona));
    expect(Buffer.from(back.image!.bytes).equals(Buffer.from(picture))).toBe(true);

    const plain = exportPersona(catalog[0]!, "card-v3-png").bytes;
    expect([...textChunks(readPngChunks(plain)).keys()].sort()).toEqual(["ccv3", "chara"]);
    expect(roundTrip(catalog[0]!, "card-v3-png").image).toBeUndefined();
  });
});

/**
 * What another program sees: the file without Persona Market's own additions (the
 * `persona_market` block of cards and LobeHub agents, the extra front matter of agent files).
 * The fields that then differ are the ones a format cannot carry itself.
 */
describe("what each format cannot carry by itself", () => {
  const full: Persona = {
    id: "full-persona",
    name: "Fox of Trust",
    description: "A fox who keeps secrets.",
    version: "2.3.4",
    avatar: "🦊",
    greeting: "Hello from the fox.",
    category: "business",
    tags: ["fox", "secrets"],
    tier: "pro",
    tools: ["Read"],
    model: "opus",
    worksWellWith: ["other-persona"],
    starters: ["Tell me a secret"],
    author: "Vixen",
    published: "2025-01-02",
    featured: true,
    body: "A fox.\n\n## One\n\nFirst.\n\n## Two\n\nSecond.",
    file: "full-persona.md",
  };

  function foreignView(format: ExportFormat): Uint8Array {
    const { bytes } = exportPersona(full, format);
    if (format === "claude-code") {
      const text = Buffer.from(bytes).toString("utf8");
      const kept = text.replace(/^---\n([\s\S]*?)\n---/, (_m, fm: string) => {
        const lines = fm.split("\n").filter((l) => /^(name|description|tools|model):/.test(l));
        return `---\n${lines.join("\n")}\n---`;
      });
      return Buffer.from(kept);
    }
    if (format === "card-v3-png") return bytes; // the same card as card-v3, checked there
    const json = JSON.parse(Buffer.from(bytes).toString("utf8"));
    if (format === "card-v3") delete json.data.extensions[MARKET_KEY];
    else delete json[MARKET_KEY];
    return Buffer.from(JSON.stringify(json));
  }

  const lost = (format: ExportFormat) => {
    const back = importBytes(foreignView(format)).persona as Record<string, unknown>;
    return Object.keys(full).filter(
      (k) => k !== "file" && JSON.stringify(back[k]) !== JSON.stringify((full as Record<string, unknown>)[k]),
    );
  };

  it("Claude Code agent: only name (the id), description, tools, model and the body", () => {
    expect(lost("claude-code")).toEqual([
      "name",
      "version",
      "avatar",
      "greeting",
      "category",
      "tags",
      "tier",
      "worksWellWith",
      "starters",
      "author",
      "published",
      "featured",
    ]);
  });

  it("Character Card V3: no id, emoji, category, tier, tools, model, links, starters or featured", () => {
    expect(lost("card-v3")).toEqual([
      "id",
      "avatar",
      "category",
      "tier",
      "tools",
      "model",
      "worksWellWith",
      "starters",
      "featured",
    ]);
  });

  it("LobeHub agent: no version, tier, tools, model, links or featured (category only as LobeHub's nearest)", () => {
    expect(lost("lobehub")).toEqual(["version", "tier", "tools", "model", "worksWellWith", "featured"]);
  });
});
