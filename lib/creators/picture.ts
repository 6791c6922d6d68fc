import sharp, { type Sharp } from "sharp";
import { imageType, type ImageType } from "@/lib/personas/image-file";

/** The largest upload accepted, as the issue sets it. */
export const PICTURE_MAX_BYTES = 2 * 1024 * 1024;
/**
 * Pictures larger than this (width × height) are refused from their header, before any decoding: a
 * small file can declare a huge image (a "decompression bomb") that would take gigabytes to decode.
 * 40 megapixels is above any photo that fits in 2 MB as a JPEG.
 */
export const PICTURE_MAX_PIXELS = 40_000_000;
/** Pictures are shown as avatars and cards; a side of 1024 px is plenty, and keeps stored files small. */
export const PICTURE_MAX_SIDE = 1024;

export type PictureType = "image/png" | "image/jpeg" | "image/webp";
export type NormalisedPicture =
  | { ok: true; bytes: Uint8Array; contentType: PictureType; width: number; height: number }
  | { ok: false; message: string };

const CONTENT_TYPES: Record<ImageType, PictureType> = {
  png: "image/png",
  jpg: "image/jpeg",
  webp: "image/webp",
};
const SHARP_FORMAT: Record<ImageType, string> = { png: "png", jpg: "jpeg", webp: "webp" };

const fail = (message: string): NormalisedPicture => ({ ok: false, message });
const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * An uploaded picture made safe to store and serve: PNG, JPEG or WebP by its bytes (never its
 * name), at most 2 MB, at most 40 megapixels, decoded in full (a damaged file is refused), turned
 * upright by its EXIF orientation, scaled to fit 1024 px, and encoded again in its own format, which
 * leaves behind every piece of metadata (EXIF with its GPS position, XMP, ICC, PNG text chunks).
 */
export async function normalisePicture(bytes: Uint8Array): Promise<NormalisedPicture> {
  if (bytes.length === 0) return fail("The file is empty.");
  if (bytes.length > PICTURE_MAX_BYTES)
    return fail(
      `The picture is ${megabytes(bytes.length)}; at most ${megabytes(PICTURE_MAX_BYTES)} is accepted.`,
    );
  const type = imageType(bytes);
  if (!type) return fail(notAPicture(bytes));

  const input = { failOn: "warning" as const, limitInputPixels: PICTURE_MAX_PIXELS };
  let width: number;
  let height: number;
  try {
    const meta = await sharp(bytes, { ...input, limitInputPixels: false }).metadata();
    if (meta.format !== SHARP_FORMAT[type]) return fail(notAPicture(bytes));
    width = meta.width;
    height = meta.height;
  } catch {
    return fail("The picture could not be read: the file is damaged.");
  }
  if (!width || !height || width * height > PICTURE_MAX_PIXELS)
    return fail(
      `The picture is ${width} × ${height} pixels; at most ${PICTURE_MAX_PIXELS / 1_000_000} megapixels is accepted.`,
    );

  try {
    const fitted = sharp(bytes, { ...input, autoOrient: true }).resize({
      width: PICTURE_MAX_SIDE,
      height: PICTURE_MAX_SIDE,
      fit: "inside",
      withoutEnlargement: true,
    });
    let out = await encode(fitted.clone(), type);
    let outType = type;
    // A noisy PNG can grow when decoded and compressed again; WebP keeps it within the limit.
    if (out.data.length > PICTURE_MAX_BYTES && type === "png") {
      out = await encode(fitted.clone(), "webp");
      outType = "webp";
    }
    if (out.data.length > PICTURE_MAX_BYTES)
      return fail("The picture is still over 2 MB once compressed again: try a smaller one.");
    return {
      ok: true,
      bytes: new Uint8Array(out.data),
      contentType: CONTENT_TYPES[outType],
      width: out.info.width,
      height: out.info.height,
    };
  } catch {
    return fail("The picture could not be read: the file is damaged or incomplete.");
  }
}

function encode(image: Sharp, type: ImageType) {
  const encoded =
    type === "png"
      ? image.png({ compressionLevel: 9 })
      : type === "jpg"
        ? image.jpeg({ quality: 85, mozjpeg: true })
        : image.webp({ quality: 85 });
  return encoded.toBuffer({ resolveWithObject: true });
}

/** What a refused file seems to be, told plainly. */
function notAPicture(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 16)).toString("latin1");
  if (head.startsWith("GIF8")) return "GIF pictures are not accepted: upload a PNG, JPEG or WebP.";
  if (/^(<\?xml|<svg)/i.test(head.trimStart()))
    return "SVG pictures are not accepted: upload a PNG, JPEG or WebP.";
  if (head.startsWith("BM")) return "BMP pictures are not accepted: upload a PNG, JPEG or WebP.";
  if (/ftyp(heic|heix|mif1|avif)/.test(head))
    return "HEIC and AVIF pictures are not accepted: upload a PNG, JPEG or WebP.";
  return "This file is not a PNG, JPEG or WebP picture, whatever its name says.";
}
