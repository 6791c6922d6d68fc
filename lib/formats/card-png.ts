import type { Persona } from "@/lib/personas/schema";
import { readCardJson, writeCardV2, writeCardV3 } from "./character-card";
import { MARKET_KEY } from "./market-fields";
import { isRecord } from "./normalise";
import {
  PngError,
  readPngChunks,
  solidPng,
  textChunk,
  textChunks,
  withoutTextChunks,
  withTextChunks,
  writePngChunks,
} from "./png";
import { LimitError, parseJson } from "./limits";
import { malformed, unrecognised, type ReadResult } from "./types";

/**
 * A character card inside a PNG: base64 of the card's UTF-8 JSON in a tEXt chunk, `ccv3` for V3
 * and `chara` for V2; when both are there, `ccv3` wins. The picture itself becomes the persona's
 * image, without its text chunks.
 */
export function readCardPng(bytes: Uint8Array): ReadResult {
  let chunks;
  try {
    chunks = readPngChunks(bytes);
  } catch (error) {
    return malformed(`broken PNG: ${error instanceof PngError ? error.message : "could not be read"}`);
  }
  const texts = textChunks(chunks);
  const candidates = (["ccv3", "chara"] as const).filter((k) => texts.has(k));
  if (candidates.length === 0)
    return unrecognised("a PNG with no character card in it (no ccv3 or chara tEXt chunk)");

  const failures: string[] = [];
  for (const keyword of candidates) {
    const card = decodeChunk(texts.get(keyword)!);
    if (!card.ok) {
      failures.push(`${keyword} chunk ${card.reason}`);
      continue;
    }
    const result = readCardJson(card.value, "card-png");
    if (!result.ok) {
      failures.push(`${keyword} chunk: ${result.reason}`);
      continue;
    }
    if (!isGeneratedPicture(card.value))
      result.draft.image = { bytes: writePngChunks(withoutTextChunks(chunks)), ext: "png" };
    result.draft.notes.push(...failures.map((f) => `${f}: used the ${keyword} chunk`));
    return result;
  }
  return malformed(failures.join("; "));
}

function decodeChunk(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/=\s_-]+$/.test(trimmed)) return { ok: false, reason: "is not base64" };
  try {
    return { ok: true, value: parseJson(Buffer.from(trimmed, "base64").toString("utf8")) };
  } catch (error) {
    if (error instanceof LimitError) return { ok: false, reason: `is refused: JSON ${error.message}` };
    return { ok: false, reason: "is not base64 of JSON" };
  }
}

const GENERATED_PICTURE = "generatedPicture";

function isGeneratedPicture(card: unknown): boolean {
  const data = isRecord(card) && isRecord(card.data) ? card.data : undefined;
  const extensions = data && isRecord(data.extensions) ? data.extensions : undefined;
  const market = extensions && isRecord(extensions[MARKET_KEY]) ? extensions[MARKET_KEY] : undefined;
  return market?.[GENERATED_PICTURE] === true;
}

const encodeCard = (card: unknown) => Buffer.from(JSON.stringify(card), "utf8").toString("base64");

/** Card colours by category, for a persona without a picture of its own: a plain square. */
const CATEGORY_COLOURS: Record<Persona["category"], [number, number, number]> = {
  development: [79, 70, 229],
  data: [8, 145, 178],
  design: [219, 39, 119],
  product: [234, 88, 12],
  writing: [101, 163, 13],
  business: [71, 85, 105],
  security: [185, 28, 28],
  education: [124, 58, 237],
  lifestyle: [22, 163, 74],
  entertainment: [202, 138, 4],
  health: [13, 148, 136],
};
/** For a category an operator added to the data file. */
const PLAIN_COLOUR: [number, number, number] = [100, 116, 139];

/** The persona's picture (a PNG), or a plain one, carrying the card as `ccv3` (V3) and `chara` (V2). */
export function writeCardPng(persona: Persona, picture?: Uint8Array): Uint8Array {
  const base = picture ?? solidPng(400, 400, CATEGORY_COLOURS[persona.category] ?? PLAIN_COLOUR);
  const chunks = withoutTextChunks(readPngChunks(base));
  const cards = [writeCardV2(persona), writeCardV3(persona)].map((card) =>
    picture ? card : markGenerated(card),
  );
  return writePngChunks(
    withTextChunks(chunks, [
      textChunk("chara", encodeCard(cards[0])),
      textChunk("ccv3", encodeCard(cards[1])),
    ]),
  );
}

/** A plain square stands in for a picture the persona does not have: importing the card does not make it one. */
function markGenerated(card: Record<string, unknown>): Record<string, unknown> {
  const data = card.data as { extensions: Record<string, Record<string, unknown>> };
  data.extensions[MARKET_KEY] = { ...data.extensions[MARKET_KEY], [GENERATED_PICTURE]: true };
  return card;
}
