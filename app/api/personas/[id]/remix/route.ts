import { privateJson, requireAccount } from "@/lib/creators/http";
import { remixPersona } from "@/lib/creators/studio";
import { personaFromParam } from "@/lib/community/persona-param";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { getCatalog } from "@/lib/personas";

/**
 * POST /api/personas/:id/remix — a draft copy of the persona for the viewer, recording where it
 * came from. A paid persona only for a viewer whose tier unlocks it (403 otherwise).
 */
export const POST = route({}, async ({ params }) => {
  const persona = personaFromParam(getCatalog(), params.id);
  const viewer = await requireAccount("remix personas");
  const draft = await remixPersona({ db: getDb(), user: viewer, personaId: persona.id });
  return privateJson({ id: draft.id });
});
