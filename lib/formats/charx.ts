import { unzipSync } from "fflate";
import { imageType } from "@/lib/personas/image-file";
import { readCardJson } from "./character-card";
import { isRecord } from "./normalise";
import { IMPORT_LIMITS, LimitError, parseJson } from "./limits";
import { malformed, type ReadResult } from "./types";
import { readPngChunks, withoutTextChunks, writePngChunks } from "./png";

const MB = 1024 * 1024;

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
    files = unzipWithinLimits(bytes);
  } catch (error) {
    if (error instanceof LimitError) return malformed(`refused: ${error.message}`);
    return malformed(`broken zip: ${error instanceof Error ? error.message : "could not be read"}`);
  }
  const cardBytes = files["card.json"];
  if (!cardBytes) return malformed("a .charx zip needs card.json at its root");
  let card: unknown;
  try {
    card = parseJson(Buffer.from(cardBytes).toString("utf8"));
  } catch (error) {
    if (error instanceof LimitError) return malformed(`refused: card.json is ${error.message}`);
    return malformed(`card.json is not valid JSON: ${error instanceof Error ? error.message : ""}`);
  }
  const result = readCardJson(card, "charx");
  if (!result.ok) return result;
  const icon = mainIcon(card, files);
  if (icon) result.draft.image = icon;
  return result;
}

/**
 * The zip's entries, inflated only while they stay within the limits. Each entry is inflated into a
 * buffer of the size its header states (fflate never grows it), so the sizes counted here are the
 * memory spent: a 25 KB zip whose 100 entries all point at one 20 MB stream stops at the total.
 */
function unzipWithinLimits(bytes: Uint8Array): Record<string, Uint8Array> {
  const { zipEntries, zipEntryBytes, zipTotalBytes } = IMPORT_LIMITS;
  let entries = 0;
  let total = 0;
  return unzipSync(bytes, {
    filter: (f) => {
      if (++entries > zipEntries) throw new LimitError(`more than ${zipEntries} entries in the zip`);
      if (f.name.endsWith("/")) return false;
      if (f.originalSize > zipEntryBytes)
        throw new LimitError(`${f.name.slice(0, 80)} inflates to more than ${zipEntryBytes / MB} MB`);
      total += f.originalSize;
      if (total > zipTotalBytes)
        throw new LimitError(`the zip inflates to more than ${zipTotalBytes / MB} MB in all`);
      return true;
    },
  });
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
