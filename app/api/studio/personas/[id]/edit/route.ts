import { privateJson, requireAccount } from "@/lib/creators/http";
import { draftForOwnPersona } from "@/lib/creators/studio";
import { personaIdSchema } from "@/lib/community/persona-param";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";

/** POST /api/studio/personas/:id/edit — the draft of the next version of the viewer's own persona. */
export const POST = route({}, async ({ params }) => {
  const viewer = await requireAccount("edit personas");
  const id = personaIdSchema.safeParse(params.id);
  if (!id.success) throw new AppError("not_found", "No such persona of yours.");
  const draft = await draftForOwnPersona({ db: getDb(), userId: viewer.id, personaId: id.data });
  return privateJson({ id: draft.id });
});
