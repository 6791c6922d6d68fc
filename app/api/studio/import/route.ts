import { creatorRoute, requireAccount } from "@/lib/creators/http";
import { importAsDraft } from "@/lib/creators/import";
import { normalisePicture } from "@/lib/creators/picture";
import { startDraft } from "@/lib/creators/studio";
import { getDb } from "@/lib/db/client";
import { insertPicture } from "@/lib/db/queries/creators";
import { AppError } from "@/lib/errors";
import { readBodyBytes } from "@/lib/http/read-body";
import { CREATOR_LIMITS } from "@/lib/tiers";

/**
 * POST /api/studio/import — the body is a file `npm run content:import` reads; it opens as a new
 * draft (read by the same code as the CLI). What the import changed comes back as notes.
 */
export const POST = creatorRoute(async (request) => {
  const viewer = await requireAccount("import personas");
  const bytes = await readBodyBytes(request, CREATOR_LIMITS.importBytes);
  if (bytes.length === 0) throw new AppError("bad_request", "Choose a file to import.");
  const imported = importAsDraft(new Uint8Array(bytes));
  if (!imported.ok) throw new AppError("bad_request", imported.message);
  const db = getDb();
  let pictureId: string | null = null;
  const picture =
    imported.picture && imported.picture.length <= CREATOR_LIMITS.pictureBytes
      ? await normalisePicture(imported.picture)
      : undefined;
  const draft = await db.transaction(async (tx) => {
    if (picture?.ok)
      pictureId = await insertPicture({
        db: tx,
        userId: viewer.id,
        contentType: picture.contentType,
        width: picture.width,
        height: picture.height,
        data: Buffer.from(picture.bytes).toString("base64"),
      });
    return startDraft({ db: tx, userId: viewer.id, fields: { ...imported.fields, pictureId } });
  });
  return { id: draft.id, notes: imported.notes };
});
