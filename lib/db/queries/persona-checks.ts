import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { first } from "../dialect";
import type { Executor } from "../client";
import { personaCheckRuns } from "../schema";

type Report = { model: string | null; passed: number; total: number; results: unknown[]; ranAt: string };

/** Keeps the latest run of a version's checks (a run again replaces it). */
export async function saveCheckRun({
  db,
  personaId,
  version,
  textHash,
  report,
}: {
  db: Executor;
  personaId: string;
  version: string;
  textHash: string;
  report: Report;
}) {
  const values = {
    model: report.model,
    passed: report.passed,
    total: report.total,
    results: JSON.stringify(report.results),
    ranAt: new Date(report.ranAt),
  };
  await db
    .insert(personaCheckRuns)
    .values({ personaId, version, textHash, ...values })
    .onConflictDoUpdate({
      target: [personaCheckRuns.personaId, personaCheckRuns.version, personaCheckRuns.textHash],
      set: values,
    });
}

/** The latest stored run for a persona version, without the per-check results. */
export async function latestCheckRun({
  db,
  personaId,
  textHash,
}: {
  db: Executor;
  personaId: string;
  textHash: string;
}) {
  return first(
    await db
      .select({
        model: personaCheckRuns.model,
        passed: personaCheckRuns.passed,
        total: personaCheckRuns.total,
        ranAt: personaCheckRuns.ranAt,
      })
      .from(personaCheckRuns)
      .where(and(eq(personaCheckRuns.personaId, personaId), eq(personaCheckRuns.textHash, textHash)))
      .orderBy(desc(personaCheckRuns.ranAt))
      .limit(1),
  );
}

/**
 * The stored run for a persona's text, with each check's result (JSON, read by the caller); else
 * the latest run of the same version (a moderator's tier change rewrites a submitted text, not its
 * prompt or checks).
 */
export async function checkRunFor({
  db,
  personaId,
  version,
  textHash,
}: {
  db: Executor;
  personaId: string;
  version: string;
  textHash: string;
}) {
  const rows = await db
    .select()
    .from(personaCheckRuns)
    .where(and(eq(personaCheckRuns.personaId, personaId), eq(personaCheckRuns.version, version)))
    .orderBy(desc(personaCheckRuns.ranAt));
  return rows.find((r) => r.textHash === textHash) ?? rows[0];
}
