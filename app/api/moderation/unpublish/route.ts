import { z } from "zod";
import { JSON_BODY_MAX, privateJson, requireAccount } from "@/lib/creators/http";
import { personaIdSchema } from "@/lib/community/persona-param";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { audit } from "@/lib/log";
import { reasonSchema, unpublish } from "@/lib/moderation/decide";
import { requireModerator } from "@/lib/moderation/roles";

const bodySchema = z.object({ personaId: personaIdSchema, reason: reasonSchema.min(1, "say why") });

/** POST /api/moderation/unpublish — takes a creator's persona out of the catalog, with a reason. */
export const POST = route({ body: bodySchema, maxBytes: JSON_BODY_MAX }, async ({ body }) => {
  const viewer = await requireAccount("moderate");
  const db = getDb();
  await requireModerator({ db, userId: viewer.id });
  await unpublish({ db, moderatorId: viewer.id, personaId: body.personaId, reason: body.reason });
  audit("moderation.unpublished", { userId: viewer.id, personaId: body.personaId });
  return privateJson({ unpublished: body.personaId });
});
