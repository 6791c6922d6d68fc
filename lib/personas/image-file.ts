import fs from "node:fs";
import path from "node:path";
import { isPng, readPngChunks, withoutTextChunks, writePngChunks } from "@/lib/formats/png";
import type { ContentProblem } from "./problems";
import { IMAGE_FILE, type Persona } from "./schema";

export type ImageType = "png" | "jpg" | "webp";
export const IMAGE_CONTENT_TYPES: Record<ImageType, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  webp: "image/webp",
};
export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;

/** What the bytes are, by their signature (never by the file name alone). */
export function imageType(bytes: Uint8Array): ImageType | undefined {
  if (isPng(bytes)) return "png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpg";
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  return undefined;
}

const extensionType = (file: string): ImageType => {
  const ext = path.extname(file).slice(1).toLowerCase();
  return ext === "jpeg" ? "jpg" : (ext as ImageType);
};

/**
 * The picture's path, if it really lies in the personas directory: a symlink (or a symlinked
 * directory) that leads outside it is refused, whatever its name says.
 */
export function confinedImagePath(dir: string, image: string): string | null {
  try {
    const root = fs.realpathSync(dir);
    const real = fs.realpathSync(path.join(dir, image));
    return real.startsWith(root + path.sep) ? real : null;
  } catch {
    return null;
  }
}

/** The persona's picture must be a real file beside it, of the type its name says, and not huge. */
export function checkPersonaImage(dir: string, persona: Persona): ContentProblem | undefined {
  if (!persona.image) return undefined;
  const problem = (reason: string) => ({ file: persona.file, field: "image", reason });
  if (!IMAGE_FILE.test(persona.image)) return problem("must be a file name in the same directory");
  let bytes: Buffer;
  if (fs.existsSync(path.join(dir, persona.image)) && !confinedImagePath(dir, persona.image))
    return problem(`"${persona.image}" leads outside the personas directory (a symlink?)`);
  try {
    const file = path.join(dir, persona.image);
    if (!fs.statSync(file).isFile()) return problem(`"${persona.image}" is not a file`);
    if (fs.statSync(file).size > IMAGE_MAX_BYTES) return problem(`"${persona.image}" is larger than 5 MB`);
    bytes = fs.readFileSync(/* turbopackIgnore: true */ file);
  } catch {
    return problem(`"${persona.image}" does not exist beside the persona file`);
  }
  const type = imageType(bytes);
  if (!type) return problem(`"${persona.image}" is not a PNG, JPEG or WebP image`);
  if (type !== extensionType(persona.image))
    return problem(`"${persona.image}" is a ${type} image, not what its name says`);
  return undefined;
}

/**
 * The persona's picture as served to anyone (paid personas' pictures too): a PNG loses its text
 * chunks on the way out, so a card's prompt kept inside its picture is never shown with it.
 */
export function readPersonaImage(
  dir: string,
  persona: Persona,
): { bytes: Uint8Array; type: ImageType } | null {
  if (!persona.image || !IMAGE_FILE.test(persona.image)) return null;
  const file = confinedImagePath(dir, persona.image);
  if (!file) return null;
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(/* turbopackIgnore: true */ file);
  } catch {
    return null;
  }
  const type = imageType(bytes);
  if (!type) return null;
  if (type !== "png") return { bytes, type };
  try {
    return { bytes: writePngChunks(withoutTextChunks(readPngChunks(bytes))), type };
  } catch {
    return null; // a damaged PNG is not served
  }
}
