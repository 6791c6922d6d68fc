import { unzipSync } from "fflate";
import { imageType } from "@/lib/personas/image-file";
import { readCardJson } from "./character-card";
import { isRecord } from "./normalise";
import { malformed, type ReadResult } from "./types";
import { readPngChunks, withoutTextChunks, writePngChunks } from "./png";

/** Bigger entries are not inflated (a zip bomb stays a small file). */
const ENTRY_MAX = 20 * 1024 * 1024;

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * V3 `.charx`: a zip with `card.json` (a V3 card) at its root and the card's assets beside it,
 * named in `data.assets` by `embeded://path` (the spec's spelling). The main icon becomes the image.
 */
export function readCharx(bytes: Uint8Array): ReadResult {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.originalSize <= ENTRY_MAX && !f.name.endsWith("/") });
  } catch (error) {
    return malformed(`broken zip: ${error instanceof Error ? error.message : "could not be read"}`);
  }
  const cardBytes = files["card.json"];
  if (!cardBytes) return malformed("a .charx zip needs card.json at its root");
  let card: unknown;
  try {
    card = JSON.parse(Buffer.from(cardBytes).toString("utf8"));
  } catch (error) {
    return malformed(`card.json is not valid JSON: ${error instanceof Error ? error.message : ""}`);
  }
  const result = readCardJson(card, "charx");
  if (!result.ok) return result;
  const icon = mainIcon(card, files);
  if (icon) result.draft.image = icon;
  return result;
}

function mainIcon(card: unknown, files: Record<string, Uint8Array>) {
  const assets =
    isRecord(card) && isRecord(card.data) && Array.isArray(card.data.assets) ? card.data.assets : [];
  const icons = assets.filter(
    (a): a is Record<string, unknown> => isRecord(a) && a.type === "icon" && typeof a.uri === "string",
  );
  const chosen = icons.find((a) => a.name === "main") ?? icons[0];
  const match = chosen && /^embed+ed:\/\/(.+)$/.exec(chosen.uri as string);
  const bytes = match ? files[match[1]!] : undefined;
  if (!bytes) return undefined;
  const type = imageType(bytes);
  if (!type) return undefined;
  if (type !== "png") return { bytes, ext: type };
  try {
    return { bytes: writePngChunks(withoutTextChunks(readPngChunks(bytes))), ext: type };
  } catch {
    return undefined;
  }
}
