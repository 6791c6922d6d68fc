import { z } from "zod";
import { draftFieldsSchema, EMPTY_DRAFT } from "@/lib/creators/draft";
import { JSON_BODY_MAX, privateJson, requireAccount } from "@/lib/creators/http";
import { startDraft } from "@/lib/creators/studio";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";

const bodySchema = z.object({ fields: draftFieldsSchema.optional() });

/** POST /api/studio/drafts — a new draft (empty, or with the editor's first fields). */
export const POST = route({ body: bodySchema, maxBytes: JSON_BODY_MAX }, async ({ body }) => {
  const viewer = await requireAccount("write personas");
  const draft = await startDraft({ db: getDb(), userId: viewer.id, fields: body.fields ?? EMPTY_DRAFT });
  return privateJson({ id: draft.id });
});
