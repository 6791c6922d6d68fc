import { readDraftFields } from "@/lib/creators/draft";
import { creatorRoute, draftIdOf, requireAccount, type DraftContext } from "@/lib/creators/http";
import { startOfUtcDay } from "@/lib/creators/limits";
import { normalisePicture } from "@/lib/creators/picture";
import { getDb } from "@/lib/db/client";
import { countPicturesSince, getDraft, insertPicture, updateDraftFields } from "@/lib/db/queries/creators";
import { AppError } from "@/lib/errors";
import { readBodyBytes } from "@/lib/http/read-body";
import { CREATOR_LIMITS } from "@/lib/tiers";

/**
 * POST /api/studio/drafts/:id/picture — the body is the picture's bytes (at most 2 MB): PNG, JPEG
 * or WebP by content, whatever its name says, stored re-encoded in the database so every instance
 * serves it, and set as the draft's picture.
 */
export const POST = creatorRoute(async (request, context: DraftContext) => {
  const viewer = await requireAccount("upload pictures");
  const db = getDb();
  const draftId = await draftIdOf(context);
  const draft = await getDraft({ db, id: draftId, userId: viewer.id });
  if (!draft) throw new AppError("not_found", "No such draft.");
  if (
    (await countPicturesSince({ db, userId: viewer.id, since: startOfUtcDay() })) >=
    CREATOR_LIMITS.picturesPerDay
  )
    throw new AppError(
      "rate_limited",
      `You have uploaded ${CREATOR_LIMITS.picturesPerDay} pictures today, the daily limit.`,
    );
  const bytes = await readBodyBytes(request, CREATOR_LIMITS.pictureBytes).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "payload_too_large")
      throw new AppError("payload_too_large", "The picture is larger than 2 MB.");
    throw error;
  });
  if (bytes.length === 0) throw new AppError("bad_request", "Choose a picture to upload.");
  const picture = await normalisePicture(new Uint8Array(bytes));
  if (!picture.ok) throw new AppError("bad_request", picture.message);
  const pictureId = await db.transaction(async (tx) => {
    const id = await insertPicture({
      db: tx,
      userId: viewer.id,
      contentType: picture.contentType,
      width: picture.width,
      height: picture.height,
      data: Buffer.from(picture.bytes).toString("base64"),
    });
    const fields = { ...readDraftFields(draft.fields), pictureId: id };
    await updateDraftFields({ db: tx, id: draftId, userId: viewer.id, fields: JSON.stringify(fields) });
    return id;
  });
  return { pictureId };
});
