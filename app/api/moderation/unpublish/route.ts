import { z } from "zod";
import { creatorRoute, readJson, requireAccount } from "@/lib/creators/http";
import { personaIdSchema } from "@/lib/community/persona-param";
import { getDb } from "@/lib/db/client";
import { audit } from "@/lib/log";
import { reasonSchema, unpublish } from "@/lib/moderation/decide";
import { requireModerator } from "@/lib/moderation/roles";

const bodySchema = z.object({ personaId: personaIdSchema, reason: reasonSchema.min(1, "say why") });

/** POST /api/moderation/unpublish — takes a creator's persona out of the catalog, with a reason. */
export const POST = creatorRoute(async (request) => {
  const viewer = await requireAccount("moderate");
  const db = getDb();
  await requireModerator({ db, userId: viewer.id });
  const { personaId, reason } = await readJson(request, bodySchema);
  await unpublish({ db, moderatorId: viewer.id, personaId, reason });
  audit("moderation.unpublished", { userId: viewer.id, personaId });
  return { unpublished: personaId };
});
