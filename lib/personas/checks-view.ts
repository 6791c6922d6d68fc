import "server-only";
import { z } from "zod";
import type { Executor } from "@/lib/db/client";
import { checkRunFor } from "@/lib/db/queries/persona-checks";
import type { CheckOutcome } from "./checks";
import { submissionPersona } from "./checks-submit";
import type { Persona } from "./schema";

/** A stored run as the studio and the persona page show it. */
export type CheckRunView = {
  model: string | null;
  passed: number;
  total: number;
  ranAt: string;
  results: CheckOutcome[];
};

const outcomes = z.array(
  z.object({
    message: z.string(),
    status: z.enum(["passed", "failed", "error", "not_run"]),
    notes: z.array(z.string()),
  }),
);

function readResults(json: string): CheckOutcome[] {
  try {
    const parsed = outcomes.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

async function runView(
  db: Executor,
  key: { personaId: string; version: string; textHash: string },
): Promise<CheckRunView | null> {
  const row = await checkRunFor({ db, ...key });
  if (!row) return null;
  return {
    model: row.model,
    passed: row.passed,
    total: row.total,
    ranAt: row.ranAt.toISOString(),
    results: readResults(row.results),
  };
}

/**
 * A submission's checks for its creator: none written, still to run (they run after the submit
 * answers), or the stored report.
 */
export async function submissionChecks({
  db,
  submission,
}: {
  db: Executor;
  submission: { personaId: string; version: string; text: string; status: string };
}): Promise<{ state: "none" } | { state: "waiting"; count: number } | { state: "ran"; run: CheckRunView }> {
  const persona = submissionPersona(submission);
  const count = persona?.checks?.length ?? 0;
  if (!persona?.textHash || !count) return { state: "none" };
  const run = await runView(db, {
    personaId: submission.personaId,
    version: submission.version,
    textHash: persona.textHash,
  });
  return run ? { state: "ran", run } : { state: "waiting", count };
}

/** The stored report of a persona's shown version, with each result (for its creator). */
export async function personaCheckRun({
  db,
  persona,
}: {
  db: Executor;
  persona: Pick<Persona, "id" | "version" | "textHash" | "checks">;
}): Promise<CheckRunView | null> {
  if (!persona.checks?.length || !persona.textHash) return null;
  return runView(db, { personaId: persona.id, version: persona.version, textHash: persona.textHash });
}

/** What the persona page says of a persona's checks (null: it has none). */
export type ChecksSummary =
  | { state: "passes"; passed: number; total: number; ranAt: string; model: string }
  | { state: "no_model"; total: number; ranAt: string }
  | { state: "not_run"; total: number };

/** The persona page's line on the shown version's checks, from the latest stored run. */
export async function personaChecksSummary({
  db,
  persona,
}: {
  db: Executor;
  persona: Pick<Persona, "id" | "version" | "textHash" | "checks">;
}): Promise<ChecksSummary | null> {
  const total = persona.checks?.length ?? 0;
  if (!total) return null;
  const run = await personaCheckRun({ db, persona });
  if (!run) return { state: "not_run", total };
  if (!run.model) return { state: "no_model", total: run.total, ranAt: run.ranAt };
  return { state: "passes", passed: run.passed, total: run.total, ranAt: run.ranAt, model: run.model };
}
