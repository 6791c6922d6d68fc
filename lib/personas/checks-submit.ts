import "server-only";
import type { LanguageModel } from "ai";
import { QuotaExceeded } from "@/lib/chat/admission";
import { dailyLimit, nextReset, usageDay } from "@/lib/chat/quota";
import type { Db } from "@/lib/db/client";
import { lockKeys } from "@/lib/db/dialect";
import { getSubmission } from "@/lib/db/queries/creator-submissions";
import { addDailyUsage, getDailyUsage } from "@/lib/db/queries/usage";
import { getUserById } from "@/lib/db/queries/users";
import { runPersonaChecks, type CheckReport } from "./checks";
import { parsePersonaFile } from "./parse";

/**
 * Counts one check as one of the user's messages today, as the chat counts a message: refused
 * (QuotaExceeded, its message kept as the check's note) once today's quota is used. Replies being
 * written in the chat do not refuse a check: the checks run one at a time, after the submit.
 */
export function checkAdmission({
  db,
  userId,
  now = () => new Date(),
}: {
  db: Db;
  userId: string;
  now?: () => Date;
}) {
  return async () => {
    const at = now();
    await db.transaction(
      async (tx) => {
        // The same per-user lock the chat's admission takes, so both count against one quota.
        await lockKeys(tx, [`chat-user:${userId}`]);
        const user = await getUserById({ db: tx, id: userId });
        const limit = dailyLimit({ kind: user?.isGuest ? "guest" : "user", tier: user?.tier ?? "free" });
        const day = usageDay(at);
        if ((await getDailyUsage({ db: tx, userId, day })) >= limit)
          throw new QuotaExceeded(limit, nextReset(at));
        await addDailyUsage({ db: tx, userId, day });
      },
      { behavior: "immediate" },
    );
  };
}

/**
 * Runs a submitted persona's checks (those of a submission waiting for a moderator) and stores
 * the report under the submission's id, version and text hash, so the studio shows it now and the
 * persona page once it is published. Nothing to run (no checks, refused, unreadable): null.
 */
export async function runSubmissionChecks({
  db,
  submissionId,
  model,
  timeoutMs,
}: {
  db: Db;
  submissionId: string;
  /** Tests: a model other than the configured one (null: none configured). */
  model?: { model: LanguageModel; modelId: string } | null;
  timeoutMs?: number;
}): Promise<CheckReport | null> {
  const submission = await getSubmission({ db, id: submissionId });
  if (!submission || submission.status !== "pending") return null;
  const persona = submissionPersona(submission);
  if (!persona?.checks?.length) return null;
  return runPersonaChecks({
    persona,
    db,
    admit: checkAdmission({ db, userId: submission.userId }),
    ...(model !== undefined && { model }),
    ...(timeoutMs !== undefined && { timeoutMs }),
  });
}

/** The persona a submission's text makes (its text hash is the one its check run is stored under). */
export function submissionPersona(submission: { personaId: string; text: string }) {
  return parsePersonaFile(`${submission.personaId}.md`, Buffer.from(submission.text, "utf8")).persona;
}
