import "server-only";
import { getDb } from "@/lib/db/client";
import { getPicture } from "@/lib/db/queries/creators";
import { creatorPictureId } from "./catalog-source";

/** A creator persona's uploaded picture, from the database (every instance serves the same). */
export async function creatorPicture(image: string | undefined) {
  const id = creatorPictureId(image);
  const picture = id ? await getPicture({ db: getDb(), id }) : undefined;
  return picture ? { bytes: Buffer.from(picture.data, "base64"), contentType: picture.contentType } : null;
}
