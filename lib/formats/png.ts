import { deflateSync } from "node:zlib";

/** PNG files as a list of chunks: enough to read and write text chunks, with no image library. */
export type PngChunk = { type: string; data: Uint8Array };

export const PNG_SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export class PngError extends Error {}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG uses it (ISO 3309). */
export function crc32(...parts: Uint8Array[]): number {
  let c = 0xffffffff;
  for (const part of parts)
    for (let i = 0; i < part.length; i++) c = CRC_TABLE[(c ^ part[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Splits a PNG into chunks, checking the signature, every length and every CRC, up to IEND. */
export function readPngChunks(bytes: Uint8Array): PngChunk[] {
  if (!isPng(bytes)) throw new PngError("not a PNG (the signature is missing)");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: PngChunk[] = [];
  let offset = 8;
  while (offset < bytes.length) {
    if (offset + 12 > bytes.length) throw new PngError(`truncated chunk header at byte ${offset}`);
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    if (!/^[A-Za-z]{4}$/.test(type)) throw new PngError(`bad chunk type at byte ${offset}`);
    const end = offset + 12 + length;
    if (end > bytes.length) throw new PngError(`chunk ${type} runs past the end of the file`);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    const expected = view.getUint32(offset + 8 + length);
    if (chunkCrc(type, data) !== expected) throw new PngError(`chunk ${type} has a bad CRC`);
    chunks.push({ type, data });
    offset = end;
    if (type === "IEND") break;
  }
  if (chunks[0]?.type !== "IHDR") throw new PngError("the first chunk is not IHDR");
  if (chunks.at(-1)?.type !== "IEND") throw new PngError("no IEND chunk: the file is truncated");
  return chunks;
}

/** A chunk's CRC covers its type and its data, not its length. */
function chunkCrc(type: string, data: Uint8Array): number {
  return crc32(
    Uint8Array.from(type, (c) => c.charCodeAt(0)),
    data,
  );
}

export function writePngChunks(chunks: readonly PngChunk[]): Uint8Array {
  const size = 8 + chunks.reduce((n, c) => n + 12 + c.data.length, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(PNG_SIGNATURE, 0);
  let offset = 8;
  for (const { type, data } of chunks) {
    view.setUint32(offset, data.length);
    for (let i = 0; i < 4; i++) out[offset + 4 + i] = type.charCodeAt(i);
    out.set(data, offset + 8);
    view.setUint32(offset + 8 + data.length, chunkCrc(type, data));
    offset += 12 + data.length;
  }
  return out;
}

/** tEXt chunks as keyword -> text (Latin-1, as the PNG spec defines them); the first of a keyword wins. */
export function textChunks(chunks: readonly PngChunk[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const chunk of chunks) {
    if (chunk.type !== "tEXt") continue;
    const nul = chunk.data.indexOf(0);
    if (nul <= 0) continue;
    const keyword = Buffer.from(chunk.data.subarray(0, nul)).toString("latin1");
    if (!texts.has(keyword)) texts.set(keyword, Buffer.from(chunk.data.subarray(nul + 1)).toString("latin1"));
  }
  return texts;
}

export function textChunk(keyword: string, text: string): PngChunk {
  return {
    type: "tEXt",
    data: Buffer.concat([Buffer.from(keyword, "latin1"), Buffer.from([0]), Buffer.from(text, "latin1")]),
  };
}

const TEXT_TYPES = new Set(["tEXt", "zTXt", "iTXt"]);

/** The same image without any text metadata (a card's prompt must not ride along with its picture). */
export function withoutTextChunks(chunks: readonly PngChunk[]): PngChunk[] {
  return chunks.filter((c) => !TEXT_TYPES.has(c.type));
}

/** Inserts text chunks just before IEND. */
export function withTextChunks(chunks: readonly PngChunk[], added: readonly PngChunk[]): PngChunk[] {
  const end = chunks.findIndex((c) => c.type === "IEND");
  return [...chunks.slice(0, end), ...added, ...chunks.slice(end)];
}

/** A plain PNG of one colour (8-bit RGB), for a persona that has no picture of its own. */
export function solidPng(width: number, height: number, rgb: readonly [number, number, number]): Uint8Array {
  const header = new Uint8Array(13);
  const hv = new DataView(header.buffer);
  hv.setUint32(0, width);
  hv.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type RGB, deflate, no filter method, no interlace
  const row = new Uint8Array(1 + width * 3); // filter byte 0, then pixels
  for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3);
  const raw = new Uint8Array(row.length * height);
  for (let y = 0; y < height; y++) raw.set(row, y * row.length);
  return writePngChunks([
    { type: "IHDR", data: header },
    { type: "IDAT", data: deflateSync(raw) },
    { type: "IEND", data: new Uint8Array(0) },
  ]);
}
