import { creatorRoute, requireAccount } from "@/lib/creators/http";
import { remixPersona } from "@/lib/creators/studio";
import { personaFromParam } from "@/lib/community/persona-param";
import { getDb } from "@/lib/db/client";
import { getCatalog } from "@/lib/personas";

type Context = { params: Promise<{ id: string }> };

/**
 * POST /api/personas/:id/remix — a draft copy of the persona for the viewer, recording where it
 * came from. A paid persona only for a viewer whose tier unlocks it (403 otherwise).
 */
export const POST = creatorRoute(async (_request, context: Context) => {
  const persona = personaFromParam(getCatalog(), (await context.params).id);
  const viewer = await requireAccount("remix personas");
  const draft = await remixPersona({ db: getDb(), user: viewer, personaId: persona.id });
  return { id: draft.id };
});
