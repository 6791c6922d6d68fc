import fs from "node:fs";
import path from "node:path";
import { finishDraft } from "../finish";
import type { PersonaDraft } from "../types";

/**
 * A labelled sample of real-style personas (Claude Code agents with their routing descriptions and
 * boilerplate, LobeHub agents in English and Chinese with their own categories, character cards),
 * each with the category a person would file it under. Measures the importer's category rule.
 */
export type LabelledPersona = {
  format: "claude-code" | "lobehub" | "card";
  name: string;
  description: string;
  tags: string[];
  sourceCategory?: string;
  body: string;
  expected: string;
};

export const CATEGORY_SAMPLE: LabelledPersona[] = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, "category-sample.json"), "utf8"),
);

const FORMAT = { "claude-code": "claude-code", lobehub: "lobehub", card: "card-v3" } as const;

export function measureCategoryAccuracy(sample: LabelledPersona[] = CATEGORY_SAMPLE) {
  const misses: { name: string; expected: string; got: string }[] = [];
  for (const p of sample) {
    const draft: PersonaDraft = {
      format: FORMAT[p.format],
      name: p.name,
      description: p.description,
      tags: p.tags,
      body: p.body,
      notes: [],
      ...(p.sourceCategory && { sourceCategory: p.sourceCategory }),
    };
    const got = String(finishDraft(draft).data.category);
    if (got !== p.expected) misses.push({ name: p.name, expected: p.expected, got });
  }
  const correct = sample.length - misses.length;
  return { correct, total: sample.length, accuracy: correct / sample.length, misses };
}
