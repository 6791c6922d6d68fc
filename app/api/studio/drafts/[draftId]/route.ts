import { z } from "zod";
import { idParam, JSON_BODY_MAX, privateJson, requireAccount } from "@/lib/creators/http";
import { saveDraft } from "@/lib/creators/studio";
import { deleteDraft } from "@/lib/db/queries/creators";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";

const bodySchema = z.object({ fields: z.unknown() });

/** PUT /api/studio/drafts/:id — saves the editor's fields (the viewer's own draft only). */
export const PUT = route({ body: bodySchema, maxBytes: JSON_BODY_MAX }, async ({ params, body }) => {
  const viewer = await requireAccount("save drafts");
  const draftId = idParam(params.draftId, "draft");
  await saveDraft({ db: getDb(), userId: viewer.id, draftId, input: body.fields });
  return privateJson({ savedAt: new Date().toISOString() });
});

/** DELETE /api/studio/drafts/:id — discards the viewer's own draft. */
export const DELETE = route({}, async ({ params }) => {
  const viewer = await requireAccount("delete drafts");
  await deleteDraft({ db: getDb(), id: idParam(params.draftId, "draft"), userId: viewer.id });
  return privateJson({ ok: true });
});
