import { z } from "zod";
import { chooseHandle } from "@/lib/creators/studio";
import { JSON_BODY_MAX, privateJson, requireAccount } from "@/lib/creators/http";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";

const bodySchema = z.object({ handle: z.string().max(100) });

/** POST /api/studio/handle — takes the viewer's public creator handle, once. */
export const POST = route({ body: bodySchema, maxBytes: JSON_BODY_MAX }, async ({ body }) => {
  const viewer = await requireAccount("publish personas");
  return privateJson({ handle: await chooseHandle({ db: getDb(), userId: viewer.id, input: body.handle }) });
});
