import { deflateSync } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { crc32, readPngChunks, textChunk, withTextChunks, writePngChunks } from "@/lib/formats/png";
import { normalisePicture, PICTURE_MAX_BYTES } from "./picture";

/** A photo-like picture (a gradient with some noise) so encoders have real work to do. */
async function picture(width: number, height: number) {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      raw[i] = (x * 255) / width;
      raw[i + 1] = (y * 255) / height;
      raw[i + 2] = (x * y) % 251;
    }
  return sharp(raw, { raw: { width, height, channels: 3 } });
}

const EXIF = {
  IFD0: { Copyright: "Jane Photographer", ImageDescription: "home-address-42", Artist: "Jane" },
  IFD3: {
    GPSLatitudeRef: "N",
    GPSLatitude: "51/1 30/1 0/1",
    GPSLongitudeRef: "W",
    GPSLongitude: "0/1 7/1 0/1",
  },
};

const has = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text, "latin1"));

async function expectNoMetadata(bytes: Uint8Array) {
  const meta = await sharp(bytes).metadata();
  expect(meta.exif).toBeUndefined();
  expect(meta.xmp).toBeUndefined();
  expect(meta.icc).toBeUndefined();
  expect(meta.comments ?? []).toEqual([]);
  for (const secret of ["Jane", "home-address-42", "Exif", "GPS"])
    expect(has(bytes, secret), secret).toBe(false);
}

describe("normalisePicture: accepted, re-encoded, metadata gone", () => {
  it("a JPEG with EXIF (GPS, author) comes back a JPEG without it, upright", async () => {
    // 300×200 stored with orientation 6 ("rotate 90° to view"): upright it is 200×300.
    const input = await (
      await picture(300, 200)
    )
      .jpeg()
      .withExif(EXIF)
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect(has(input, "home-address-42")).toBe(true);
    expect((await sharp(input).metadata()).orientation).toBe(6);
    const result = await normalisePicture(input);
    expect(result).toMatchObject({ ok: true, contentType: "image/jpeg", width: 200, height: 300 });
    if (!result.ok) return;
    expect((await sharp(result.bytes).metadata()).format).toBe("jpeg");
    expect((await sharp(result.bytes).metadata()).orientation).toBeUndefined();
    await expectNoMetadata(result.bytes);
  });

  it("a PNG with EXIF and text chunks (a character card's prompt) comes back without them", async () => {
    const base = await (await picture(64, 48)).png().withExif(EXIF).toBuffer();
    const input = writePngChunks(
      withTextChunks(readPngChunks(base), [
        textChunk("chara", "eyJzZWNyZXQiOiJwcm9tcHQifQ=="),
        textChunk("Comment", "Jane"),
      ]),
    );
    expect((await sharp(input).metadata()).exif).toBeDefined();
    expect(has(input, "chara")).toBe(true);
    const result = await normalisePicture(input);
    expect(result).toMatchObject({ ok: true, contentType: "image/png", width: 64, height: 48 });
    if (!result.ok) return;
    const types = readPngChunks(result.bytes).map((c) => c.type);
    for (const kind of ["tEXt", "iTXt", "zTXt", "eXIf"]) expect(types).not.toContain(kind);
    await expectNoMetadata(result.bytes);
  });

  it("a WebP with EXIF and XMP comes back a WebP without them", async () => {
    const input = await (
      await picture(80, 80)
    )
      .webp()
      .withExif(EXIF)
      .withXmp(
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description>Jane</rdf:Description></rdf:RDF></x:xmpmeta>',
      )
      .toBuffer();
    expect((await sharp(input).metadata()).xmp).toBeDefined();
    const result = await normalisePicture(input);
    expect(result).toMatchObject({ ok: true, contentType: "image/webp", width: 80, height: 80 });
    if (result.ok) await expectNoMetadata(result.bytes);
  });

  it("a large picture is scaled to fit 1024 px, keeping its shape", async () => {
    const input = await (await picture(2400, 1200)).jpeg({ quality: 60 }).toBuffer();
    expect(input.length).toBeLessThan(PICTURE_MAX_BYTES);
    expect(await normalisePicture(input)).toMatchObject({ ok: true, width: 1024, height: 512 });
  });

  it("is judged by content: a JPEG however it was named", async () => {
    const jpeg = await (await picture(10, 10)).jpeg().toBuffer();
    expect(await normalisePicture(jpeg)).toMatchObject({ ok: true, contentType: "image/jpeg" });
  });
});

describe("normalisePicture: refused, with a message", () => {
  it("a GIF", async () => {
    const gif = await (await picture(16, 16)).gif().toBuffer();
    expect(await normalisePicture(gif)).toEqual({
      ok: false,
      message: "GIF pictures are not accepted: upload a PNG, JPEG or WebP.",
    });
  });

  it("a text file renamed to .png", async () => {
    const text = new TextEncoder().encode("Not a picture at all, just notes.\n");
    expect(await normalisePicture(text)).toEqual({
      ok: false,
      message: "This file is not a PNG, JPEG or WebP picture, whatever its name says.",
    });
  });

  it("an SVG (it can hold scripts)", async () => {
    const svg = new TextEncoder().encode(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    expect(await normalisePicture(svg)).toMatchObject({ ok: false, message: expect.stringMatching(/^SVG/) });
  });

  it("a file over 2 MB, before it is decoded", async () => {
    const big = new Uint8Array(PICTURE_MAX_BYTES + 1);
    big.set(await (await picture(8, 8)).png().toBuffer());
    expect(await normalisePicture(big)).toEqual({
      ok: false,
      message: "The picture is 2.0 MB; at most 2.0 MB is accepted.",
    });
  });

  it("a truncated PNG", async () => {
    const png = await (await picture(200, 200)).png().toBuffer();
    const result = await normalisePicture(png.subarray(0, Math.floor(png.length / 2)));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/damaged/) });
  });

  it("a truncated JPEG", async () => {
    const jpeg = await (await picture(200, 200)).jpeg().toBuffer();
    const result = await normalisePicture(jpeg.subarray(0, Math.floor(jpeg.length / 2)));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/damaged/) });
  });

  it("a decompression bomb: a small PNG that declares 12,000 × 12,000 pixels", async () => {
    const side = 12_000;
    // 1-bit grey, every row a filter byte and zeros: 18 MB raw that deflates to a few kB.
    const raw = Buffer.alloc(side * (1 + side / 8));
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(side, 0);
    ihdr.writeUInt32BE(side, 4);
    ihdr[8] = 1; // bit depth
    ihdr[9] = 0; // greyscale
    const chunk = (type: string, data: Uint8Array) => {
      const head = Buffer.alloc(8);
      head.writeUInt32BE(data.length, 0);
      head.write(type, 4, "latin1");
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(Buffer.from(type, "latin1"), data));
      return Buffer.concat([head, data, crc]);
    };
    const bomb = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", ihdr),
      chunk("IDAT", deflateSync(raw, { level: 9 })),
      chunk("IEND", new Uint8Array()),
    ]);
    expect(bomb.length).toBeLessThan(100_000);
    expect(await normalisePicture(bomb)).toEqual({
      ok: false,
      message: "The picture is 12000 × 12000 pixels; at most 40 megapixels is accepted.",
    });
  });

  it("an empty file", async () => {
    expect(await normalisePicture(new Uint8Array())).toEqual({ ok: false, message: "The file is empty." });
  });

  it("a PNG signature followed by something else", async () => {
    const fake = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from("<?php echo 1; ?>"),
    ]);
    expect(await normalisePicture(fake)).toMatchObject({ ok: false });
  });
});
