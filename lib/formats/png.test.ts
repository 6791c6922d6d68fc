import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  crc32,
  PNG_SIGNATURE,
  readPngChunks,
  solidPng,
  textChunk,
  textChunks,
  withoutTextChunks,
  withTextChunks,
  writePngChunks,
} from "./png";

describe("PNG chunks", () => {
  it("computes the CRC the PNG spec gives for an empty IEND chunk", () => {
    expect(crc32(new TextEncoder().encode("IEND"))).toBe(0xae426082);
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926); // the CRC-32 check value
  });

  it("writes a solid-colour PNG that reads back as IHDR, IDAT, IEND with the right pixels", () => {
    const png = solidPng(3, 2, [255, 0, 128]);
    expect([...png.subarray(0, 8)]).toEqual([...PNG_SIGNATURE]);
    const chunks = readPngChunks(png);
    expect(chunks.map((c) => c.type)).toEqual(["IHDR", "IDAT", "IEND"]);
    const ihdr = new DataView(chunks[0]!.data.buffer, chunks[0]!.data.byteOffset);
    expect([ihdr.getUint32(0), ihdr.getUint32(4), chunks[0]!.data[8], chunks[0]!.data[9]]).toEqual([
      3, 2, 8, 2,
    ]);
    const raw = inflateSync(chunks[1]!.data);
    expect([...raw.subarray(0, 7)]).toEqual([0, 255, 0, 128, 255, 0, 128]);
    expect(raw.length).toBe(2 * (1 + 3 * 3));
  });

  it("adds text chunks before IEND, reads them back, and can take them all out again", () => {
    const chunks = withTextChunks(readPngChunks(solidPng(1, 1, [0, 0, 0])), [
      textChunk("chara", "abc"),
      textChunk("Comment", "hello"),
    ]);
    const png = writePngChunks(chunks);
    const back = readPngChunks(png);
    expect(back.map((c) => c.type)).toEqual(["IHDR", "IDAT", "tEXt", "tEXt", "IEND"]);
    expect(Object.fromEntries(textChunks(back))).toEqual({ chara: "abc", Comment: "hello" });
    expect(withoutTextChunks(back).map((c) => c.type)).toEqual(["IHDR", "IDAT", "IEND"]);
  });

  it("refuses a file that is not a PNG, a bad CRC, a truncated file and a missing IEND", () => {
    const png = solidPng(2, 2, [1, 2, 3]);
    expect(() => readPngChunks(new TextEncoder().encode("GIF89a....."))).toThrow(/signature/);
    const corrupt = Uint8Array.from(png);
    corrupt[18] = corrupt[18]! ^ 0xff; // a byte of IHDR's data
    expect(() => readPngChunks(corrupt)).toThrow(/IHDR has a bad CRC/);
    expect(() => readPngChunks(png.subarray(0, png.length - 20))).toThrow(/past the end|truncated/);
    expect(() => readPngChunks(png.subarray(0, png.length - 12))).toThrow(/no IEND/);
  });
});
