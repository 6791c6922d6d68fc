import "server-only";
import type { Executor } from "@/lib/db/client";
import { insertPersonaReport } from "@/lib/db/queries/moderation";
import { isCreatorPersona } from "@/lib/creators/catalog-refresh";
import { AppError } from "@/lib/errors";

/** A report for the moderators' queue: published creator personas only, one per person per persona. */
export async function reportPersona({
  db,
  userId,
  personaId,
  reason,
}: {
  db: Executor;
  userId: string;
  personaId: string;
  reason: string;
}) {
  if (!isCreatorPersona(personaId))
    throw new AppError("bad_request", "Only personas published by creators can be reported here.");
  if (!(await insertPersonaReport({ db, personaId, userId, reason })))
    throw new AppError("conflict", "You have reported this persona already. The moderators will look at it.");
}
