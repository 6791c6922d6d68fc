import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { IMAGE_CONTENT_TYPES, readPersonaImage } from "./image-file";
import { withoutMetadata } from "./image-serve";
import type { Persona } from "./schema";

/**
 * `GET /personas/:id/image`: the picture with its type, cached an hour, never run as a document;
 * without its metadata (lib/personas/image-serve.ts), and only from inside the personas directory.
 */
export async function personaImageResponse(persona: Persona | undefined): Promise<Response> {
  const image = persona ? readPersonaImage(env().personasDir, persona) : null;
  const clean = image && (await withoutMetadata(image.bytes, image.type));
  if (!image || !clean) throw new AppError("not_found", "This persona has no picture.");
  return new Response(Buffer.from(clean), {
    headers: {
      "Content-Type": IMAGE_CONTENT_TYPES[image.type],
      "Cache-Control": "public, max-age=3600",
      "Content-Security-Policy": "default-src 'none'",
    },
  });
}
