import "server-only";
import type { Executor } from "@/lib/db/client";
import { listCreatorPersonasOf, remixCounts } from "@/lib/db/queries/creator-personas";
import { listUserSubmissions } from "@/lib/db/queries/creator-submissions";
import { listDrafts } from "@/lib/db/queries/creators";
import { readDraftFields } from "./draft";

/** The studio list: the creator's personas, drafts and latest submissions, as plain data. */
export async function studioView({ db, userId }: { db: Executor; userId: string }) {
  const personas = await listCreatorPersonasOf({ db, userId });
  const remixes = await remixCounts({ db, ids: personas.map((p) => p.id) });
  const drafts = await listDrafts({ db, userId });
  const submissions = await listUserSubmissions({ db, userId, limit: 20 });
  return {
    personas: personas.map((p) => ({
      id: p.id,
      version: p.version,
      tier: p.tier,
      status: p.status,
      remixes: remixes.get(p.id) ?? 0,
    })),
    drafts: drafts.map((d) => {
      const fields = readDraftFields(d.fields);
      return { id: d.id, name: fields.name || "Untitled", personaId: d.personaId, updatedAt: d.updatedAt };
    }),
    submissions: submissions.map((s) => ({
      id: s.id,
      personaId: s.personaId,
      version: s.version,
      status: s.status,
      verdict: s.verdict,
      reason: s.decisionReason,
      createdAt: s.createdAt,
    })),
  };
}
