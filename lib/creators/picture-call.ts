import { IMAGE_CONTENT_TYPES, imageType } from "@/lib/personas/image-file";

/*
 * The upload check's interface (lib/creators/picture.ts, built beside this: type by content,
 * re-encoded without metadata). Until it lands this call site checks the type by content only.
 */
export type NormalisedPicture =
  | {
      ok: true;
      bytes: Uint8Array;
      contentType: "image/png" | "image/jpeg" | "image/webp";
      width: number;
      height: number;
    }
  | { ok: false; message: string };

export async function normalisePicture(bytes: Uint8Array): Promise<NormalisedPicture> {
  const type = imageType(bytes);
  if (!type) return { ok: false, message: "The file is not a PNG, JPEG or WebP picture." };
  const contentType = IMAGE_CONTENT_TYPES[type] as "image/png" | "image/jpeg" | "image/webp";
  return { ok: true, bytes, contentType, width: 0, height: 0 };
}
