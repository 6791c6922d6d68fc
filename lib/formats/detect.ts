import { repairMojibake } from "@/lib/text/repair";
import { readCardPng } from "./card-png";
import { isCardJson, readCardJson } from "./character-card";
import { isZip, readCharx } from "./charx";
import { looksLikeClaudeCode, readClaudeCode } from "./claude-code";
import { isLobeHub, readLobeHub } from "./lobehub";
import { IMPORT_LIMITS, LimitError, parseJson } from "./limits";
import { isPng } from "./png";
import { malformed, unrecognised, type ReadResult } from "./types";

/**
 * Reads any supported source by what its bytes are, not by its name: a PNG signature is a card
 * PNG, a zip is a .charx, front matter is a Claude Code agent, and JSON is a card (by `spec`) or
 * a LobeHub agent (by `meta` and `config`).
 */
export function readSource(bytes: Uint8Array): ReadResult {
  if (bytes.length > IMPORT_LIMITS.sourceBytes)
    return malformed(`refused: larger than ${IMPORT_LIMITS.sourceBytes / 1024 / 1024} MB`);
  try {
    return readBytes(bytes);
  } catch (error) {
    // Whatever a hostile file makes a reader throw is that file's failure, told in one line.
    if (error instanceof LimitError) return malformed(`refused: ${error.message}`);
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return malformed(`could not be read: ${message}`);
  }
}

function readBytes(bytes: Uint8Array): ReadResult {
  if (isPng(bytes)) return readCardPng(bytes);
  if (isZip(bytes)) return readCharx(bytes);
  let decoded: string;
  try {
    decoded = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    const cut = cutText(bytes);
    if (cut !== undefined && /^\s*(\{|---)/.test(cut))
      return malformed("cut off in the middle of a UTF-8 character: the file is incomplete");
    return unrecognised("not a persona format (binary, not a PNG or a zip)");
  }
  // The same repair the catalog applies when it loads a file (the seed persona needs it).
  const text = repairMojibake(decoded);
  const result = readText(text);
  if (result.ok && text !== decoded)
    result.draft.notes.push("mis-encoded text (UTF-8 read as Windows-1252) repaired");
  return result;
}

function readText(text: string): ReadResult {
  if (looksLikeClaudeCode(text)) return readClaudeCode(text);
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{")) {
    let value: unknown;
    try {
      value = parseJson(trimmed);
    } catch (error) {
      if (error instanceof LimitError) return malformed(`refused: JSON ${error.message}`);
      return malformed(`broken JSON: ${error instanceof Error ? error.message : "could not be parsed"}`);
    }
    if (isCardJson(value)) return readCardJson(value);
    if (isLobeHub(value)) return readLobeHub(value);
    if (value && typeof value === "object" && "spec" in value) return readCardJson(value);
    return unrecognised(
      "JSON that is neither a character card (no `spec`) nor a LobeHub agent (no `meta` and `config`)",
    );
  }
  return unrecognised("not a persona format (no front matter, not JSON, PNG or .charx)");
}

/** The text of bytes that are valid UTF-8 except for a character cut off at the very end. */
function cutText(bytes: Uint8Array): string | undefined {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  for (let drop = 1; drop <= 3 && drop < bytes.length; drop++) {
    try {
      return decoder.decode(bytes.subarray(0, bytes.length - drop)).replace(/^\uFEFF/, "");
    } catch {
      // try one byte fewer
    }
  }
  return undefined;
}
