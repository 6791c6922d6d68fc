import { idParam } from "@/lib/creators/http";
import { pictureById } from "@/lib/creators/uploads";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";

/**
 * GET /api/pictures/:id — a creator's uploaded picture (re-encoded on upload, no metadata). Its id
 * is random; pictures are public like persona avatars, and never the prompt.
 */
export const GET = route({}, async ({ params }) => {
  const picture = await pictureById({ db: getDb(), id: idParam(params.pictureId, "picture") });
  return new Response(picture.bytes, {
    headers: {
      "Content-Type": picture.contentType,
      "Cache-Control": "public, max-age=86400, immutable",
      "Content-Security-Policy": "default-src 'none'",
    },
  });
});
