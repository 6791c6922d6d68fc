import { parsePersonaFile } from "@/lib/personas/parse";
import { readSource } from "./detect";
import { finishDraft, type FinishedPersona, type FinishOptions } from "./finish";
import { IMPORT_LIMITS } from "./limits";
import type { ImageExt, ImportFormat } from "./types";
import { frontmatterFile } from "./yaml";

/** Front matter keys in the order persona files write them; any other after these. */
const FIELD_ORDER = ["id", "name", "description", "version", "avatar", "image", "greeting"];

/** A persona file's text: its fields in the usual order, then the prompt. */
export function personaFileText(data: Record<string, unknown>, body: string): string {
  const sorted = Object.fromEntries([
    ...FIELD_ORDER.filter((k) => k in data).map((k) => [k, data[k]]),
    ...Object.entries(data).filter(([k]) => !FIELD_ORDER.includes(k)),
  ]);
  return frontmatterFile(sorted, body);
}

export type ImportedDraft = FinishedPersona & {
  format: ImportFormat;
  /** The persona file, ready to store: it passes content:check as `<baseId>.md`. */
  text: string;
  image?: { bytes: Uint8Array; ext: ImageExt; name: string };
};

export type ImportFileResult =
  { ok: true; draft: ImportedDraft } | { ok: false; kind: "unrecognised" | "malformed"; reason: string };

/**
 * One uploaded file (bytes and the name it came with) made into a persona file, or a plain reason
 * it cannot be: the creators' studio "Import" calls this; `content:import` reads the same way. The
 * limits of `IMPORT_LIMITS` hold (size, zip entries and total, YAML aliases, nesting), and nothing
 * a hostile file makes a reader throw escapes as a stack trace. A persona file that names a picture
 * beside it has none here (nothing beside an upload): the draft says so in its notes.
 */
export function importFile(
  bytes: Uint8Array,
  fileName: string,
  options: FinishOptions = {},
): ImportFileResult {
  if (bytes.length > IMPORT_LIMITS.sourceBytes)
    return {
      ok: false,
      kind: "malformed",
      reason: `${fileName}: refused: larger than ${IMPORT_LIMITS.sourceBytes / 1024 / 1024} MB`,
    };
  const read = readSource(bytes);
  if (!read.ok) return { ...read, reason: `${fileName}: ${read.reason}` };
  if (read.draft.imageFile && !read.draft.image)
    read.draft.notes.push(`image "${read.draft.imageFile}" is a separate file: upload it with the persona`);
  const finished = finishDraft(read.draft, options);
  const image = read.draft.image && {
    ...read.draft.image,
    name: `${finished.baseId}.${read.draft.image.ext}`,
  };
  const data = { ...finished.data, ...(image && { image: image.name }) };
  const text = personaFileText(data, finished.body);
  const parsed = parsePersonaFile(`${finished.baseId}.md`, Buffer.from(text, "utf8"));
  if (!parsed.persona) {
    const problems = parsed.problems.map((p) => `${p.field}: ${p.reason}`).join("; ");
    return { ok: false, kind: "malformed", reason: `${fileName}: would not pass content:check: ${problems}` };
  }
  return { ok: true, draft: { ...finished, data, format: read.draft.format, text, image } };
}
