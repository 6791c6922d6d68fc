import { idParam, privateJson, requireAccount } from "@/lib/creators/http";
import { uploadDraftPicture } from "@/lib/creators/uploads";
import { getDb } from "@/lib/db/client";
import { readBodyBytes } from "@/lib/http/read-body";
import { route } from "@/lib/http/route";

/**
 * POST /api/studio/drafts/:id/picture — the body is the picture's bytes (at most 2 MB): PNG, JPEG
 * or WebP by content, whatever its name says, stored re-encoded and set as the draft's picture.
 */
export const POST = route({}, async ({ request, params }) => {
  const viewer = await requireAccount("upload pictures");
  const draftId = idParam(params.draftId, "draft");
  const readBytes = async (maxBytes: number) => new Uint8Array(await readBodyBytes(request, maxBytes));
  return privateJson(await uploadDraftPicture({ db: getDb(), userId: viewer.id, draftId, readBytes }));
});
