import { readSource } from "@/lib/formats/detect";
import { finishDraft } from "@/lib/formats/finish";
import { toKebab } from "@/lib/formats/normalise";
import { BODY_MAX, EMPTY_DRAFT, type DraftFields } from "./draft";
import { SLUG_MAX } from "./ids";

export type ImportedDraft =
  { ok: true; fields: DraftFields; notes: string[]; picture?: Uint8Array } | { ok: false; message: string };

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
const string = (value: unknown, fallback = "") => (typeof value === "string" ? value : fallback);

/**
 * A file `npm run content:import` reads (Claude Code agent, Character Card V2/V3 JSON/PNG/.charx,
 * LobeHub JSON, a persona file), made into a draft's fields by the same reader and finisher as the
 * CLI. Tier and links are left for the studio: a creator's persona starts free and links anew.
 */
export function importAsDraft(bytes: Uint8Array): ImportedDraft {
  const read = readSource(bytes);
  if (!read.ok)
    return {
      ok: false,
      message:
        read.kind === "malformed"
          ? `The file could not be read: ${read.reason}`
          : `This is not a persona file the studio can import (${read.reason}).`,
    };
  const finished = finishDraft(read.draft);
  const data = finished.data;
  if (finished.body.length > BODY_MAX)
    return { ok: false, message: `The prompt is longer than ${BODY_MAX.toLocaleString("en")} characters.` };
  const fields: DraftFields = {
    ...EMPTY_DRAFT,
    slug: toKebab(finished.baseId, SLUG_MAX) || "persona",
    name: string(data.name),
    description: string(data.description),
    avatar: string(data.avatar, EMPTY_DRAFT.avatar),
    greeting: string(data.greeting),
    category: string(data.category, EMPTY_DRAFT.category),
    tags: strings(data.tags).slice(0, 12),
    starters: strings(data.starters).slice(0, 6),
    model: string(data.model, EMPTY_DRAFT.model),
    tools: strings(data.tools).slice(0, 20),
    version: string(data.version, EMPTY_DRAFT.version),
    body: finished.body,
  };
  return { ok: true, fields, notes: finished.notes, picture: read.draft.image?.bytes };
}
