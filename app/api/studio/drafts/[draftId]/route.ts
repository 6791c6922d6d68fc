import { z } from "zod";
import {
  creatorRoute,
  draftIdOf,
  readJson,
  requireAccount,
  type DraftContext as Context,
} from "@/lib/creators/http";
import { saveDraft } from "@/lib/creators/studio";
import { deleteDraft } from "@/lib/db/queries/creators";
import { getDb } from "@/lib/db/client";

const bodySchema = z.object({ fields: z.unknown() });

/** PUT /api/studio/drafts/:id — saves the editor's fields (the viewer's own draft only). */
export const PUT = creatorRoute(async (request, context: Context) => {
  const viewer = await requireAccount("save drafts");
  const draftId = await draftIdOf(context);
  const { fields } = await readJson(request, bodySchema);
  await saveDraft({ db: getDb(), userId: viewer.id, draftId, input: fields });
  return { savedAt: new Date().toISOString() };
});

/** DELETE /api/studio/drafts/:id — discards the viewer's own draft. */
export const DELETE = creatorRoute(async (_request, context: Context) => {
  const viewer = await requireAccount("delete drafts");
  await deleteDraft({ db: getDb(), id: await draftIdOf(context), userId: viewer.id });
  return { ok: true };
});
