import "server-only";
import { streamText, type LanguageModel } from "ai";
import { modelFor } from "@/lib/chat/provider";
import { systemPrompt } from "@/lib/chat/prompt";
import type { Executor } from "@/lib/db/client";
import { saveCheckRun } from "@/lib/db/queries/persona-checks";
import { log } from "@/lib/log";
import { checkFailures } from "./checks-match";
import type { Persona } from "./schema";

export type CheckOutcome = {
  message: string;
  status: "passed" | "failed" | "error" | "not_run";
  /** What the reply got wrong, or why the check could not run. */
  notes: string[];
};
export type CheckReport = {
  /** The model's id, or null when none is configured (every check listed as not run). */
  model: string | null;
  passed: number;
  total: number;
  results: CheckOutcome[];
  ranAt: string;
};

export const CHECK_TIMEOUT_MS = 30_000;

/**
 * Runs a persona's `checks:` against the configured model, one at a time, each with a timeout:
 * the persona's prompt as the system prompt, the check's message as the user's. `admit` is called
 * before each (the caller counts it against the creator's daily quota, and may refuse by throwing:
 * the rest are then listed as not run). With `db`, the report is stored for the version.
 */
export async function runPersonaChecks({
  persona,
  db,
  admit,
  timeoutMs = CHECK_TIMEOUT_MS,
  model: given,
  now = () => new Date(),
}: {
  persona: Persona;
  db?: Executor;
  admit?: () => Promise<void>;
  timeoutMs?: number;
  /** Tests: a model other than the configured one. */
  model?: { model: LanguageModel; modelId: string } | null;
  now?: () => Date;
}): Promise<CheckReport> {
  const checks = persona.checks ?? [];
  const resolved = given === undefined ? modelFor(persona) : given;
  const results: CheckOutcome[] = [];
  let stopped: string | null = resolved ? null : "no model is configured";
  for (const check of checks) {
    if (stopped) {
      results.push({ message: check.message, status: "not_run", notes: [stopped] });
      continue;
    }
    try {
      await admit?.();
    } catch (error) {
      stopped = error instanceof Error ? error.message : "refused";
      results.push({ message: check.message, status: "not_run", notes: [stopped] });
      continue;
    }
    try {
      const signal = AbortSignal.timeout(timeoutMs);
      const result = streamText({
        model: resolved!.model,
        system: systemPrompt(persona),
        prompt: check.message,
        abortSignal: signal,
        maxRetries: 0,
        // The SDK's default prints the request (the prompt); the outcome is reported below.
        onError: () => {},
      });
      let text = "";
      for await (const part of result.fullStream) {
        if (part.type === "text-delta") text += part.text;
        else if (part.type === "error") throw part.error;
        else if (part.type === "abort") break;
      }
      if (signal.aborted) throw signal.reason;
      const notes = checkFailures(check, text);
      results.push({ message: check.message, status: notes.length ? "failed" : "passed", notes });
    } catch (error) {
      const timedOut =
        error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      log.warn({ personaId: persona.id, timedOut }, "checks.run_failed");
      results.push({
        message: check.message,
        status: "error",
        notes: [
          timedOut ? `no reply within ${Math.round(timeoutMs / 1000)} s` : "the model returned an error",
        ],
      });
    }
  }
  const report: CheckReport = {
    model: resolved?.modelId ?? null,
    passed: results.filter((r) => r.status === "passed").length,
    total: results.length,
    results,
    ranAt: now().toISOString(),
  };
  if (db && persona.textHash && checks.length)
    await saveCheckRun({
      db,
      personaId: persona.id,
      version: persona.version,
      textHash: persona.textHash,
      report,
    });
  return report;
}
