import { draftToPersonaFile, readDraftFields } from "@/lib/creators/draft";
import { creatorRoute, draftIdOf, requireAccount, type DraftContext } from "@/lib/creators/http";
import { slugSchema } from "@/lib/creators/ids";
import { today } from "@/lib/creators/limits";
import { requireHandle } from "@/lib/creators/studio";
import { getDb } from "@/lib/db/client";
import { getDraft } from "@/lib/db/queries/creators";
import { AppError } from "@/lib/errors";
import { getCatalog } from "@/lib/personas";

/** GET /api/studio/drafts/:id/file — the draft as a persona file (what content:check and the catalog read). */
export const GET = creatorRoute(async (_request, context: DraftContext) => {
  const viewer = await requireAccount("download drafts");
  const db = getDb();
  const handle = await requireHandle({ db, userId: viewer.id });
  const draft = await getDraft({ db, id: await draftIdOf(context), userId: viewer.id });
  if (!draft) throw new AppError("not_found", "No such draft.");
  const fields = readDraftFields(draft.fields);
  if (!slugSchema.safeParse(fields.slug).success)
    throw new AppError("bad_request", "Give the persona an address (slug) before downloading it.");
  const origin = draft.remixOf ? getCatalog().byId.get(draft.remixOf) : undefined;
  const current = draft.personaId ? getCatalog().byId.get(draft.personaId) : undefined;
  const text = draftToPersonaFile(fields, {
    handle,
    tier: current?.tier ?? origin?.tier ?? "free",
    published: current?.published ?? today(),
  });
  return new Response(text, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${handle}--${fields.slug}.md"`,
      "Cache-Control": "private, no-store",
    },
  });
});
