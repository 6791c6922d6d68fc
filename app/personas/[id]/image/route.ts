import { z } from "zod";
import { personaIdSchema } from "@/lib/community/persona-param";
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
export const GET = route({ params, paramsName: "persona id" }, ({ params }) =>
  personaImageResponse(getCatalog().byId.get(params.id)),
);
