import { z } from "zod";
import { creatorRoute } from "@/lib/creators/http";
import { getDb } from "@/lib/db/client";
import { getPicture } from "@/lib/db/queries/creators";
import { AppError } from "@/lib/errors";

type Context = { params: Promise<{ pictureId: string }> };

/**
 * GET /api/pictures/:id — a creator's uploaded picture (re-encoded on upload, no metadata). Its id
 * is random; pictures are public like persona avatars, and never the prompt.
 */
export const GET = creatorRoute(async (_request, context: Context) => {
  const id = z
    .string()
    .uuid()
    .safeParse((await context.params).pictureId);
  const picture = id.success ? await getPicture({ db: getDb(), id: id.data }) : undefined;
  if (!picture) throw new AppError("not_found", "No such picture.");
  return new Response(Buffer.from(picture.data, "base64"), {
    headers: {
      "Content-Type": picture.contentType,
      "Cache-Control": "public, max-age=86400, immutable",
      "Content-Security-Policy": "default-src 'none'",
    },
  });
});
