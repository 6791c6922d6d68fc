import "server-only";
import type { Executor } from "@/lib/db/client";
import { hasRole } from "@/lib/db/queries/moderation";
import { AppError } from "@/lib/errors";

/** Read from the database on every call, like the tier: never from the session or the client. */
export async function isModerator({ db, userId }: { db: Executor; userId: string | null | undefined }) {
  return userId ? hasRole({ db, userId, role: "moderator" }) : false;
}

/** A 403 with no data for anyone who is not a moderator (a visitor: 401). */
export async function requireModerator({ db, userId }: { db: Executor; userId: string | null | undefined }) {
  if (!userId) throw new AppError("unauthorized", "Sign in as a moderator.");
  if (!(await isModerator({ db, userId }))) throw new AppError("forbidden", "Only moderators can do this.");
}
