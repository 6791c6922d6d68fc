import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { IMAGE_CONTENT_TYPES, readPersonaImage } from "./image-file";
import type { Persona } from "./schema";

/** `GET /personas/:id/image`: the picture with its type, cached an hour, never run as a document. */
export function personaImageResponse(persona: Persona | undefined): Response {
  const image = persona ? readPersonaImage(env().personasDir, persona) : null;
  if (!image) throw new AppError("not_found", "This persona has no picture.");
  return new Response(Buffer.from(image.bytes), {
    headers: {
      "Content-Type": IMAGE_CONTENT_TYPES[image.type],
      "Cache-Control": "public, max-age=3600",
      "Content-Security-Policy": "default-src 'none'",
    },
  });
}
