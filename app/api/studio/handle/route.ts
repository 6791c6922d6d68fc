import { z } from "zod";
import { chooseHandle } from "@/lib/creators/studio";
import { creatorRoute, readJson, requireAccount } from "@/lib/creators/http";
import { getDb } from "@/lib/db/client";

const bodySchema = z.object({ handle: z.string().max(100) });

/** POST /api/studio/handle — takes the viewer's public creator handle, once. */
export const POST = creatorRoute(async (request) => {
  const viewer = await requireAccount("publish personas");
  const { handle } = await readJson(request, bodySchema);
  return { handle: await chooseHandle({ db: getDb(), userId: viewer.id, input: handle }) };
});
