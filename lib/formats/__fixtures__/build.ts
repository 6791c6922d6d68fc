import { zipSync } from "fflate";
import { readPngChunks, solidPng, textChunk, withTextChunks, writePngChunks } from "../png";

/** Binary fixtures are built here from the specs' rules, so each test states what its file holds. */
export const b64 = (value: unknown) => Buffer.from(JSON.stringify(value), "utf8").toString("base64");

/** A small PNG picture with the given tEXt chunks (keyword -> text). */
export function pngWithText(texts: Record<string, string>, colour: [number, number, number] = [10, 120, 200]) {
  const chunks = readPngChunks(solidPng(4, 4, colour));
  return writePngChunks(withTextChunks(chunks, Object.entries(texts).map(([k, v]) => textChunk(k, v))));
}

export const v3Card = (name: string, extra: Record<string, unknown> = {}) => ({
  spec: "chara_card_v3",
  spec_version: "3.0",
  data: {
    name,
    description: `{{char}} is ${name}, a guide for {{user}}.`,
    personality: "",
    scenario: "",
    first_mes: `Hello {{user}}, I am {{char}}.`,
    mes_example: "",
    creator_notes: `${name}: a test card.`,
    system_prompt: "",
    post_history_instructions: "",
    alternate_greetings: [],
    group_only_greetings: [],
    tags: ["test"],
    creator: "tests",
    character_version: "1.0.0",
    extensions: {},
    ...extra,
  },
});

export const v2Card = (name: string) => ({ ...v3Card(name), spec: "chara_card_v2", spec_version: "2.0" });

/** A .charx: card.json at the root and any other entries given. */
export function charx(files: Record<string, Uint8Array | string>) {
  return zipSync(
    Object.fromEntries(
      Object.entries(files).map(([name, v]) => [name, typeof v === "string" ? new TextEncoder().encode(v) : v]),
    ),
  );
}
