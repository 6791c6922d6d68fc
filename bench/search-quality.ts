import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { z } from "zod";
import type { Catalog } from "../lib/personas/catalog";
import { queryCatalog } from "../lib/personas/query";

/**
 * Top-3 accuracy of the gallery search on everyday task questions (bench/data/search-questions.yaml).
 * About 30% of the questions, chosen by a hash of their text, are held out: tuning looks only at the
 * misses of the rest, and the held-out score shows whether the tuning carries over to unseen wording.
 */
export const QUESTIONS_FILE = path.resolve(import.meta.dirname, "data", "search-questions.yaml");
const HOLDOUT_SHARE = 0.3;
const TOP = 3;

const questionsSchema = z.object({
  questions: z
    .array(z.strictObject({ q: z.string().min(1).max(100), ok: z.array(z.string()).min(1) }))
    .min(120),
});

export type Question = { q: string; ok: string[]; holdout: boolean };
export type QualityScore = { hits: number; total: number; share: number };
export type QualityResult = {
  seen: QualityScore;
  heldOut: QualityScore;
  /** Misses of the seen part only: the held-out ones are never shown. */
  seenMisses: { q: string; ok: string[]; top: string[] }[];
};

export const isHeldOut = (q: string) =>
  crypto.createHash("sha256").update(q).digest()[0]! < Math.round(256 * HOLDOUT_SHARE);

export function readQuestions(file = QUESTIONS_FILE): Question[] {
  const parsed = questionsSchema.parse(YAML.parse(fs.readFileSync(file, "utf8")));
  return parsed.questions.map((x) => ({ ...x, holdout: isHeldOut(x.q) }));
}

/** The ids each question's top 3 shows, as the gallery sorts a search (relevance). */
export function topIds(catalog: Catalog, q: string): string[] {
  return queryCatalog(catalog, { q, pageSize: TOP }).items.map((p) => p.id);
}

export function measureSearchQuality(catalog: Catalog, questions = readQuestions()): QualityResult {
  const seen = { hits: 0, total: 0, share: 0 };
  const heldOut = { hits: 0, total: 0, share: 0 };
  const seenMisses: QualityResult["seenMisses"] = [];
  for (const { q, ok, holdout } of questions) {
    const top = topIds(catalog, q);
    const hit = top.some((id) => ok.includes(id));
    const score = holdout ? heldOut : seen;
    score.total++;
    if (hit) score.hits++;
    else if (!holdout) seenMisses.push({ q, ok, top });
  }
  for (const s of [seen, heldOut]) s.share = s.total ? s.hits / s.total : 0;
  return { seen, heldOut, seenMisses };
}
