import type { Category, MODELS, PersonaCheck } from "@/lib/personas/schema";
import type { Tier } from "@/lib/tiers";

export const IMPORT_FORMATS = ["claude-code", "card-v2", "card-v3", "card-png", "charx", "lobehub"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const EXPORT_FORMATS = ["claude-code", "card-v3", "card-v3-png", "lobehub"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ImageExt = "png" | "jpg" | "webp";
export type Model = (typeof MODELS)[number];

/**
 * What a source file says about a persona, before it is made into a persona file: every field
 * optional except what every format has. Filled by one format's reader, finished by `finishDraft`.
 */
export type PersonaDraft = {
  format: ImportFormat;
  /** An id the source states (Claude Code `name`, LobeHub `identifier`), not yet made unique. */
  id?: string;
  name: string;
  description?: string;
  /** The prompt, as markdown. */
  body: string;
  greeting?: string;
  /** Undefined: the source has no place for starters (generated later); [] it has none. */
  starters?: string[];
  tags?: string[];
  /** The source's own category word (LobeHub `meta.category`), mapped later. */
  sourceCategory?: string;
  category?: Category;
  tools?: string[];
  model?: Model;
  avatar?: string;
  version?: string;
  author?: string;
  published?: string;
  tier?: Tier;
  worksWellWith?: string[];
  featured?: boolean;
  /** The persona's checks (lib/personas/checks.ts), carried in the format's extension block. */
  checks?: PersonaCheck[];
  image?: { bytes: Uint8Array; ext: ImageExt };
  /** A picture the source names as a file beside it (a persona file's `image`), for the importer to read. */
  imageFile?: string;
  extensions?: Record<string, unknown>;
  /** What the reader changed or could not keep, for the import report. */
  notes: string[];
};

/** A reader's answer: a draft, or why this file is not one (`unrecognised`) or is broken (`malformed`). */
export type ReadResult =
  { ok: true; draft: PersonaDraft } | { ok: false; kind: "unrecognised" | "malformed"; reason: string };

export const malformed = (reason: string): ReadResult => ({ ok: false, kind: "malformed", reason });
export const unrecognised = (reason: string): ReadResult => ({ ok: false, kind: "unrecognised", reason });

/** A file made by an export: its bytes, media type and a safe download name. */
export type ExportedFile = { bytes: Uint8Array; contentType: string; filename: string };
