/**
 * Splits a persona file's bytes into its `---` YAML block and its markdown body, the way
 * gray-matter does (same delimiters, same edge cases), without its per-file costs: gray-matter
 * copies every file into a new Buffer and looks its whole text up in a process-wide cache even
 * when that cache is off. Splitting the bytes also lets the body be decoded on its own: an ASCII
 * body then becomes a one-byte string, half the memory of a slice of a text that holds an emoji.
 */
import { isAscii } from "node:buffer";

export type FrontmatterSplit = {
  matter: string;
  content: string;
  /** The body holds no byte above 0x7f: no mis-encoded text to repair in it. */
  contentIsAscii: boolean;
};

const NEWLINE = 0x0a;
const CR = 0x0d;
const CLOSE = Buffer.from("\n---");
const BOM = [0xef, 0xbb, 0xbf] as const;

/** Offset after a UTF-8 byte order mark, if the bytes start with one. */
export function bomLength(bytes: Uint8Array): number {
  return bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2] ? 3 : 0;
}

/** Whether the text (after any BOM) opens with a `---` line, which every persona file must. */
export function opensWithFrontmatter(bytes: Buffer, start: number): boolean {
  if (bytes.toString("latin1", start, start + 3) !== "---") return false;
  const next = bytes[start + 3];
  return next === NEWLINE || (next === CR && bytes[start + 4] === NEWLINE);
}

/**
 * For bytes (after `start`) that open with a `---` line: the YAML between it and the first line
 * that starts with `---`, and everything after that line's three dashes (one CR and one LF
 * dropped), as gray-matter's `file.matter` and `file.content`. Without a closing line the whole
 * rest is YAML and the body is empty.
 */
export function splitFrontmatter(bytes: Buffer, start: number): FrontmatterSplit {
  const open = start + 3;
  const close = bytes.indexOf(CLOSE, open);
  if (close === -1) return { matter: bytes.toString("utf8", open), content: "", contentIsAscii: true };
  let body = close + CLOSE.length;
  if (bytes[body] === CR) body++;
  if (bytes[body] === NEWLINE) body++;
  return {
    matter: bytes.toString("utf8", open, close),
    content: bytes.toString("utf8", body),
    contentIsAscii: isAscii(bytes.subarray(body)),
  };
}

/** gray-matter treats a block of only blank and `#` comment lines as no data at all. */
export const isEmptyMatter = (matter: string) => matter.replace(/^\s*#[^\n]+/gm, "").trim() === "";
