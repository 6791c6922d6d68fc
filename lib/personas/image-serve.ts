import "server-only";
import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import sharp from "sharp";
import { log } from "@/lib/log";
import type { ImageType } from "./image-file";

/**
 * Pictures as served: decoded and encoded again by sharp, which writes no metadata unless asked, so
 * EXIF (camera, GPS), XMP, ICC comments, PNG eXIf/tEXt/private chunks and WebP EXIF/XMP never leave
 * the server. Re-encoding costs a few milliseconds per picture: the results are kept, bounded by
 * bytes (the pictures of a catalog, not one per request).
 */
const cache = new LRUCache<string, Uint8Array>({
  maxSize: 32 * 1024 * 1024,
  sizeCalculation: (b) => b.length || 1,
});

export async function withoutMetadata(bytes: Uint8Array, type: ImageType): Promise<Uint8Array | null> {
  const key = createHash("sha256").update(bytes).digest("base64url");
  const cached = cache.get(key);
  if (cached) return cached;
  try {
    // rotate(): a JPEG's EXIF orientation is applied to the pixels before the EXIF goes.
    const image = sharp(bytes, { failOn: "error" }).rotate();
    const out =
      type === "png"
        ? await image.png().toBuffer()
        : type === "jpg"
          ? await image.jpeg({ quality: 90 }).toBuffer()
          : await image.webp({ quality: 90 }).toBuffer();
    const clean = new Uint8Array(out);
    cache.set(key, clean);
    return clean;
  } catch (cause) {
    log.warn({ event: "persona.image_unreadable", err: cause }, "a persona picture could not be decoded");
    return null; // a damaged picture is not served
  }
}
