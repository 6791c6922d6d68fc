import { idParam, requireAccount } from "@/lib/creators/http";
import { draftAsFile } from "@/lib/creators/uploads";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";

/** GET /api/studio/drafts/:id/file — the draft as a persona file (what content:check and the catalog read). */
export const GET = route({}, async ({ params }) => {
  const viewer = await requireAccount("download drafts");
  const draftId = idParam(params.draftId, "draft");
  const file = await draftAsFile({ db: getDb(), userId: viewer.id, draftId });
  return new Response(file.text, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
