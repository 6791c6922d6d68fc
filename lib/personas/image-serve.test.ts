import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readPngChunks, solidPng, writePngChunks } from "@/lib/formats/png";
import { confinedImagePath, readPersonaImage } from "./image-file";
import { withoutMetadata } from "./image-serve";
import type { Persona } from "./schema";

const SECRET = "GPS-48.8584N-SECRET";
const exif = { IFD0: { Copyright: SECRET, ImageDescription: SECRET } };
const raw = { raw: { width: 4, height: 4, channels: 3 as const } };
const pixels = Buffer.alloc(4 * 4 * 3, 200);

describe("pictures as served", () => {
  it("a JPEG or WebP loses its EXIF, a PNG its eXIf and private chunks; the picture stays", async () => {
    const jpeg = await sharp(pixels, raw).jpeg().withExif(exif).toBuffer();
    const webp = await sharp(pixels, raw).webp().withExif(exif).toBuffer();
    expect(jpeg.includes(SECRET)).toBe(true);
    expect(webp.includes(SECRET)).toBe(true);
    const base = readPngChunks(solidPng(4, 4, [9, 9, 9]));
    const extra = (type: string) => ({ type, data: new TextEncoder().encode(SECRET) });
    const png = writePngChunks([base[0]!, extra("eXIf"), extra("prVt"), ...base.slice(1)]);
    expect(Buffer.from(png).includes(SECRET)).toBe(true);

    for (const [bytes, type] of [
      [jpeg, "jpg"],
      [webp, "webp"],
      [png, "png"],
    ] as const) {
      const clean = await withoutMetadata(bytes, type);
      expect(clean, type).not.toBeNull();
      expect(Buffer.from(clean!).includes(SECRET), type).toBe(false);
      const meta = await sharp(clean!).metadata();
      expect(meta.exif, type).toBeUndefined();
      expect([meta.width, meta.height, meta.format]).toEqual([4, 4, type === "jpg" ? "jpeg" : type]);
    }
    const chunks = readPngChunks((await withoutMetadata(png, "png"))!).map((c) => c.type);
    expect(chunks).not.toContain("eXIf");
    expect(chunks).not.toContain("prVt");
  });

  it("a damaged picture is not served", async () => {
    expect(await withoutMetadata(new Uint8Array([0xff, 0xd8, 0xff, 0, 1, 2]), "jpg")).toBeNull();
  });
});

describe("a picture outside the personas directory", () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "pictures-"));
    fs.mkdirSync(path.join(root, "personas"));
    fs.writeFileSync(path.join(root, "outside.png"), solidPng(2, 2, [1, 2, 3]));
    fs.writeFileSync(path.join(root, "personas", "inside.png"), solidPng(2, 2, [1, 2, 3]));
    fs.symlinkSync(path.join(root, "outside.png"), path.join(root, "personas", "linked.png"));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it("is refused when a symlink leads there; a file inside is served", () => {
    const dir = path.join(root, "personas");
    const persona = (image: string) => ({ id: "p", image }) as unknown as Persona;
    expect(confinedImagePath(dir, "linked.png")).toBeNull();
    expect(readPersonaImage(dir, persona("linked.png"))).toBeNull();
    expect(readPersonaImage(dir, persona("inside.png"))?.type).toBe("png");
  });
});
