import "server-only";
import type { Executor } from "@/lib/db/client";
import { getCreatorPersona } from "@/lib/db/queries/creator-personas";
import { listPendingSubmissions } from "@/lib/db/queries/creator-submissions";
import { listModerationEvents, listOpenReports } from "@/lib/db/queries/moderation";
import { getUserById } from "@/lib/db/queries/users";
import { readReport } from "@/lib/creators/submit";
import { diffLines } from "./diff";

const QUEUE_MAX = 50;

/**
 * What a moderator sees (and only a moderator: callers check the role first): each pending
 * submission with its report and a diff against the version published before it, the open
 * reports, and the latest audit events.
 */
export async function moderationQueue({ db }: { db: Executor }) {
  const pending = await listPendingSubmissions({ db, limit: QUEUE_MAX });
  const submissions = await Promise.all(
    pending.map(async (s) => {
      const previous = await getCreatorPersona({ db, id: s.personaId });
      const creator = await getUserById({ db, id: s.userId });
      return {
        id: s.id,
        personaId: s.personaId,
        version: s.version,
        previousVersion: previous?.version ?? null,
        changelog: s.changelog,
        requestedTier: s.requestedTier,
        remixOf: s.remixOf,
        creatorEmail: creator?.email ?? null,
        createdAt: s.createdAt.toISOString(),
        report: readReport(s.report),
        diff: diffLines(previous?.text ?? "", s.text),
      };
    }),
  );
  const reports = (await listOpenReports({ db, limit: QUEUE_MAX })).map((r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
  }));
  const events = (await listModerationEvents({ db, limit: QUEUE_MAX })).map((e) => ({
    ...e,
    createdAt: e.createdAt.toISOString(),
  }));
  return { submissions, reports, events };
}
