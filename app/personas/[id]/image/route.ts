import type { NextRequest } from "next/server";
import { z } from "zod";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { invalidInput, jsonError } from "@/lib/http/json-error";
import { getCatalog } from "@/lib/personas";
import { IMAGE_CONTENT_TYPES, readPersonaImage } from "@/lib/personas/image-file";
import { withoutMetadata } from "@/lib/personas/image-serve";
import { PERSONA_ID, PERSONA_ID_MAX } from "@/lib/personas/schema";

const paramsSchema = z.object({
  id: z.string().regex(PERSONA_ID, 'must be a persona id like "backend-developer"').max(PERSONA_ID_MAX),
});

/**
 * GET /personas/:id/image — the persona's picture, read from the content directory at run time
 * (like the persona files themselves, so a new picture needs no rebuild). Only the file the
 * catalog names is read: the id picks a persona, its checked `image` field picks the file.
 * Shown to everyone, paid personas too: a picture is not the prompt (a PNG's text chunks are cut),
 * and carries no metadata (lib/personas/image-serve.ts); a file outside the directory is refused.
 */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  try {
    const id = paramsSchema.safeParse(await params);
    if (!id.success) throw invalidInput(id.error, "persona id");
    const persona = getCatalog().byId.get(id.data.id);
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
  } catch (error) {
    return jsonError(error);
  }
}
