import { readSource } from "@/lib/formats/detect";
import { exportPersona } from "@/lib/formats/export";
import { finishDraft } from "@/lib/formats/finish";
import { EXPORT_FORMATS, type ExportFormat } from "@/lib/formats/types";
import { toKebab } from "@/lib/formats/normalise";
import { solidPng } from "@/lib/formats/png";
import { frontmatterFile } from "@/lib/formats/yaml";
import { parsePersonaFile } from "@/lib/personas/parse";
import type { Persona } from "@/lib/personas/schema";
import type { ReviewFinding } from "./types";

/** What people call each export format. */
const FORMAT_NAMES: Record<ExportFormat, string> = {
  "claude-code": "Claude Code agent",
  "card-v3": "Character Card V3 (JSON)",
  "card-v3-png": "Character Card V3 (PNG)",
  lobehub: "LobeHub agent",
};

/**
 * Not compared: where the file was read from, the hash of its exact bytes (a format writes the
 * same fields in its own layout), and the picture's file name (the picture is an upload, stored
 * apart from the text; the card PNG carries it and is checked with it elsewhere).
 */
const NOT_COMPARED = new Set(["file", "textHash", "image"]);

/**
 * Imports an exported file the way `content:import` does (read by content, finish, write the
 * persona file, parse it) and gives the fields that came back different, or why it did not import.
 */
/**
 * The card PNG is built around a small picture: without one it draws a 400×400 square, whose
 * compression is most of a review's time, and the card inside is the same either way. The picture
 * must come back with it, byte for byte.
 */
const PICTURE = solidPng(8, 8, [40, 90, 160]);

export function roundTrip(persona: Persona, format: ExportFormat): { differs: string[] } | { error: string } {
  let bytes: Uint8Array;
  try {
    bytes = exportPersona(persona, format, PICTURE).bytes;
  } catch (error) {
    return { error: `could not be built (${error instanceof Error ? error.message : "unknown error"})` };
  }
  const read = readSource(bytes);
  if (!read.ok) return { error: `could not be read back (${read.reason})` };
  if (format === "card-v3-png" && !Buffer.from(read.draft.image?.bytes ?? []).equals(PICTURE))
    return { error: "lost its picture on the way back" };
  const finished = finishDraft(read.draft);
  const text = frontmatterFile(finished.data, finished.body);
  const parsed = parsePersonaFile(`${finished.baseId}.md`, Buffer.from(text));
  if (!parsed.persona)
    return {
      error: `was read back as an invalid persona (${parsed.problems.map((p) => `${p.field}: ${p.reason}`).join("; ")})`,
    };
  const back = parsed.persona as Record<string, unknown>;
  // An importer that makes stated ids kebab-case brings a creator's `<handle>--<slug>` back as
  // `<handle>-<slug>`: the importer's rule, not a loss. Either form is the same id.
  const sameId = back.id === persona.id || back.id === toKebab(persona.id);
  const original = { ...persona, ...(sameId && { id: back.id }) } as Record<string, unknown>;
  const keys = new Set([...Object.keys(original), ...Object.keys(back)]);
  const differs = [...keys].filter(
    (k) => !NOT_COMPARED.has(k) && JSON.stringify(back[k]) !== JSON.stringify(original[k]),
  );
  return { differs: differs.sort() };
}

/** Each export format builds and imports back equal; each that does not is a refusal. */
export function checkRoundTrips(persona: Persona): ReviewFinding[] {
  const findings: ReviewFinding[] = [];
  for (const format of EXPORT_FORMATS) {
    const result = roundTrip(persona, format);
    if ("error" in result)
      findings.push({
        rule: "export-round-trip",
        level: "refuse",
        message: `The ${FORMAT_NAMES[format]} export ${result.error}.`,
      });
    else if (result.differs.length)
      findings.push({
        rule: "export-round-trip",
        level: "refuse",
        field: result.differs[0],
        message: `The ${FORMAT_NAMES[format]} export does not import back the same: ${result.differs.map((f) => `"${f}"`).join(", ")} changed on the way. Check ${result.differs.length > 1 ? "these fields" : "this field"} for unusual characters or formatting.`,
      });
  }
  return findings;
}
