import { z } from "zod";
import { personaIdSchema } from "@/lib/community/persona-param";
import { isCreatorPersona } from "@/lib/creators/catalog-refresh";
import { creatorPicture } from "@/lib/creators/pictures";
import { route } from "@/lib/http/route";
import { getCatalog } from "@/lib/personas";
import { personaImageResponse } from "@/lib/personas/image-response";

const params = z.object({ id: personaIdSchema });

/**
 * GET /personas/:id/image — the persona's picture, read from the content directory at run time
 * (like the persona files themselves, so a new picture needs no rebuild). Only the file the
 * catalog names is read: the id picks a persona, its checked `image` field picks the file.
 * Shown to everyone, paid personas too: a picture is not the prompt (a PNG's text chunks are cut).
 */
export const GET = route({ params, paramsName: "persona id" }, async ({ params }) => {
  const persona = getCatalog().byId.get(params.id);
  // A creator's uploaded picture is kept in the database (lib/creators/pictures.ts).
  const uploaded = persona && isCreatorPersona(persona.id) ? await creatorPicture(persona.image) : null;
  if (!uploaded) return personaImageResponse(persona);
  return new Response(uploaded.bytes, {
    headers: {
      "Content-Type": uploaded.contentType,
      "Cache-Control": "public, max-age=3600",
      "Content-Security-Policy": "default-src 'none'",
    },
  });
});
