import { z } from "zod";
import { JSON_BODY_MAX, privateJson, requireAccount } from "@/lib/creators/http";
import { reportPersona } from "@/lib/moderation/reports";
import { personaFromParam } from "@/lib/community/persona-param";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { getCatalog } from "@/lib/personas";

const bodySchema = z.object({
  reason: z.string().trim().min(1, "say what is wrong").max(1000, "must be at most 1000 characters"),
});

/** POST /api/personas/:id/report — a signed-in person reports a creator's persona; once per person. */
export const POST = route({ body: bodySchema, maxBytes: JSON_BODY_MAX }, async ({ params, body }) => {
  const persona = personaFromParam(getCatalog(), params.id);
  const viewer = await requireAccount("report personas");
  await reportPersona({ db: getDb(), userId: viewer.id, personaId: persona.id, reason: body.reason });
  return privateJson({ reported: true });
});
