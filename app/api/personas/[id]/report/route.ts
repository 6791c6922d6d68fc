import { z } from "zod";
import { creatorRoute, readJson, requireAccount } from "@/lib/creators/http";
import { reportPersona } from "@/lib/moderation/reports";
import { personaFromParam } from "@/lib/community/persona-param";
import { getDb } from "@/lib/db/client";
import { getCatalog } from "@/lib/personas";

type Context = { params: Promise<{ id: string }> };
const bodySchema = z.object({
  reason: z.string().trim().min(1, "say what is wrong").max(1000, "must be at most 1000 characters"),
});

/** POST /api/personas/:id/report — a signed-in person reports a creator's persona; once per person. */
export const POST = creatorRoute(async (request, context: Context) => {
  const persona = personaFromParam(getCatalog(), (await context.params).id);
  const viewer = await requireAccount("report personas");
  const { reason } = await readJson(request, bodySchema);
  await reportPersona({ db: getDb(), userId: viewer.id, personaId: persona.id, reason });
  return { reported: true };
});
