import "server-only";
import type { Db } from "@/lib/db/client";
import {
  countPicturesSince,
  getDraft,
  getPicture,
  insertPicture,
  updateDraftFields,
} from "@/lib/db/queries/creators";
import { AppError } from "@/lib/errors";
import { getCatalog } from "@/lib/personas";
import { CREATOR_LIMITS } from "@/lib/tiers";
import { draftToPersonaFile, readDraftFields } from "./draft";
import { slugSchema } from "./ids";
import { importAsDraft } from "./import";
import { startOfUtcDay, today } from "./limits";
import { normalisePicture } from "./picture";
import { requireHandle, startDraft } from "./studio";

type Owner = { db: Db; userId: string };

/**
 * Sets the draft's picture from uploaded bytes (read by `readBytes`, at most 2 MB, only once the
 * daily count allows it): PNG, JPEG or WebP by content, stored re-encoded in the database so every
 * instance serves it.
 */
export async function uploadDraftPicture({
  db,
  userId,
  draftId,
  readBytes,
}: Owner & { draftId: string; readBytes: (maxBytes: number) => Promise<Uint8Array> }) {
  const draft = await getDraft({ db, id: draftId, userId });
  if (!draft) throw new AppError("not_found", "No such draft.");
  if ((await countPicturesSince({ db, userId, since: startOfUtcDay() })) >= CREATOR_LIMITS.picturesPerDay)
    throw new AppError(
      "rate_limited",
      `You have uploaded ${CREATOR_LIMITS.picturesPerDay} pictures today, the daily limit.`,
    );
  const bytes = await readBytes(CREATOR_LIMITS.pictureBytes).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "payload_too_large")
      throw new AppError("payload_too_large", "The picture is larger than 2 MB.");
    throw error;
  });
  if (bytes.length === 0) throw new AppError("bad_request", "Choose a picture to upload.");
  const picture = await normalisePicture(bytes);
  if (!picture.ok) throw new AppError("bad_request", picture.message);
  const pictureId = await db.transaction(async (tx) => {
    const id = await insertPicture({
      db: tx,
      userId,
      contentType: picture.contentType,
      width: picture.width,
      height: picture.height,
      data: Buffer.from(picture.bytes).toString("base64"),
    });
    const fields = { ...readDraftFields(draft.fields), pictureId: id };
    await updateDraftFields({ db: tx, id: draftId, userId, fields: JSON.stringify(fields) });
    return id;
  });
  return { pictureId };
}

/** A file `npm run content:import` reads, opened as a new draft; what the import changed as notes. */
export async function importDraftFile({ db, userId, bytes }: Owner & { bytes: Uint8Array }) {
  if (bytes.length === 0) throw new AppError("bad_request", "Choose a file to import.");
  const imported = importAsDraft(bytes);
  if (!imported.ok) throw new AppError("bad_request", imported.message);
  let pictureId: string | null = null;
  const picture =
    imported.picture && imported.picture.length <= CREATOR_LIMITS.pictureBytes
      ? await normalisePicture(imported.picture)
      : undefined;
  const draft = await db.transaction(async (tx) => {
    if (picture?.ok)
      pictureId = await insertPicture({
        db: tx,
        userId,
        contentType: picture.contentType,
        width: picture.width,
        height: picture.height,
        data: Buffer.from(picture.bytes).toString("base64"),
      });
    return startDraft({ db: tx, userId, fields: { ...imported.fields, pictureId } });
  });
  return { id: draft.id, notes: imported.notes };
}

/** The viewer's draft as a persona file (what content:check and the catalog read), with its name. */
export async function draftAsFile({ db, userId, draftId }: Owner & { draftId: string }) {
  const handle = await requireHandle({ db, userId });
  const draft = await getDraft({ db, id: draftId, userId });
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
  return { text, filename: `${handle}--${fields.slug}.md` };
}

/** An uploaded picture's bytes and type (404 when there is none). */
export async function pictureById({ db, id }: { db: Db; id: string }) {
  const picture = await getPicture({ db, id });
  if (!picture) throw new AppError("not_found", "No such picture.");
  return { bytes: Buffer.from(picture.data, "base64"), contentType: picture.contentType };
}
