import { z } from "zod";
import { draftFieldsSchema, EMPTY_DRAFT } from "@/lib/creators/draft";
import { creatorRoute, readJson, requireAccount } from "@/lib/creators/http";
import { startDraft } from "@/lib/creators/studio";
import { getDb } from "@/lib/db/client";

const bodySchema = z.object({ fields: draftFieldsSchema.optional() });

/** POST /api/studio/drafts — a new draft (empty, or with the editor's first fields). */
export const POST = creatorRoute(async (request) => {
  const viewer = await requireAccount("write personas");
  const { fields } = await readJson(request, bodySchema);
  const draft = await startDraft({ db: getDb(), userId: viewer.id, fields: fields ?? EMPTY_DRAFT });
  return { id: draft.id };
});
