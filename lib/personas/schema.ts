import { z } from "zod";
import { TIERS } from "@/lib/tiers";
import { CATEGORY_IDS, CATEGORY_LABELS } from "./categories";

export const MODELS = ["sonnet", "opus", "haiku", "inherit"] as const;

/** Category id -> label, from the operator's data file `content/categories.json`. */
export const CATEGORIES = CATEGORY_LABELS;
/** A category id: one of the data file's (checked by the schema, not by the type). */
export type Category = string;
const categoryIds = CATEGORY_IDS;

/**
 * A tag: one word-joined form in any script ("typescript", "角色扮演", "café-au-lait"): lowercase
 * letters, letters without case, marks and digits, in words joined by single hyphens.
 */
export const TAG_PATTERN =
  /^[\p{Ll}\p{Lo}\p{Lm}\p{N}][\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}]*(?:-[\p{Ll}\p{Lo}\p{Lm}\p{N}][\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}]*)*$/u;
const tag = z
  .string({ error: (i) => (i.input === undefined ? "is required" : "must be text") })
  .regex(
    TAG_PATTERN,
    "must be lowercase kebab-case: words of letters (any script) and digits joined by hyphens",
  )
  .max(64, "must be at most 64 characters");

/**
 * A persona's id: a content file's is kebab-case; a creator's persona's is `<handle>--<slug>`
 * (lib/creators/ids.ts); handles and slugs have no `--`, so creators never collide with each other, and
 * a content file that takes a creator's id wins it (lib/creators/catalog-source.ts).
 */
export const PERSONA_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:--[a-z0-9]+(?:-[a-z0-9]+)*)?$/;
export const PERSONA_ID_MAX = 64;
const personaId = z
  .string({ error: (i) => (i.input === undefined ? "is required" : "must be text") })
  .regex(PERSONA_ID, "must be lowercase kebab-case (a-z, 0-9, -)")
  .max(PERSONA_ID_MAX, `must be at most ${PERSONA_ID_MAX} characters`);

const text = (max: number) =>
  z
    .string({ error: (i) => (i.input === undefined ? "is required" : "must be text") })
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`);

const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });
const emoji = z
  .string({ error: (i) => (i.input === undefined ? "is required" : "must be an emoji") })
  .trim()
  .refine((s) => {
    const graphemes = [...segmenter.segment(s)];
    return graphemes.length === 1 && /\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(s);
  }, "must be a single emoji");

const semver = z
  .string({ error: (i) => (i.input === undefined ? "is required" : "must be a version like 1.0.0") })
  .regex(
    /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/,
    "must be a semantic version like 1.0.0",
  );

const list = <T extends z.ZodType>(item: T, max: number) =>
  z.array(item, { error: "must be a list" }).max(max, `must have at most ${max} entries`);

/** YAML turns `2026-03-14` into a Date; a quoted string works too. */
const isoDate = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  z
    .string({ error: "must be a date like 2026-03-14" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2026-03-14")
    .refine(
      (s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().slice(0, 10) === s,
      "must be a real calendar date",
    ),
);

export const IMAGE_FILE = /^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*\.(?:png|jpe?g|webp)$/i;
const EXTENSIONS_MAX = 64 * 1024;

/** `/pattern/flags` is a regular expression; anything else is text to find (case-insensitive). */
export const CHECK_REGEX = /^\/(.+)\/([a-z]*)$/s;
const expectation = z
  .string({ error: "must be text, or /a regular expression/" })
  .min(1, "must not be empty")
  .max(200, "must be at most 200 characters")
  .refine((s) => {
    const m = CHECK_REGEX.exec(s);
    if (!m) return true;
    try {
      new RegExp(m[1]!, m[2]);
      return true;
    } catch {
      return false;
    }
  }, "is not a valid regular expression");
export const checkSchema = z
  .strictObject(
    {
      message: text(1000),
      mustContain: list(expectation, 5).optional(),
      mustNotContain: list(expectation, 5).optional(),
    },
    { error: (i) => (i.code === "unrecognized_keys" ? `unknown field(s): ${i.keys.join(", ")}` : undefined) },
  )
  .refine(
    (c) => (c.mustContain?.length ?? 0) + (c.mustNotContain?.length ?? 0) > 0,
    "needs mustContain or mustNotContain",
  );
export type PersonaCheck = z.infer<typeof checkSchema>;
/** A persona carries at most this many checks. */
export const CHECKS_MAX = 10;

export const frontmatterSchema = z.strictObject(
  {
    id: personaId,
    name: text(80),
    description: text(300),
    version: semver,
    avatar: emoji,
    greeting: text(2000),
    category: z.enum(categoryIds, {
      error: `must be one of: ${categoryIds.join(", ")}`,
    }),
    tags: list(tag, 12).min(1, "must have at least one tag"),
    tier: z.enum(TIERS, { error: `must be one of: ${TIERS.join(", ")}` }),
    tools: list(text(40), 20),
    model: z.enum(MODELS, { error: `must be one of: ${MODELS.join(", ")}` }),
    worksWellWith: list(personaId, 10),
    starters: list(text(200), 6).optional(),
    author: text(80).optional(),
    published: isoDate.optional(),
    featured: z.boolean({ error: "must be true or false" }).optional(),
    /** What changed in this version, for the version history and the "newer version" notice. */
    changelog: text(500).optional(),
    /** Messages and what a good reply must (not) contain, run against the model on submit. */
    checks: list(checkSchema, CHECKS_MAX).optional(),
    /** A picture beside the persona file, shown instead of the emoji (checked to exist by the loader). */
    image: z
      .string({ error: "must be a file name" })
      .max(100, "must be at most 100 characters")
      .regex(IMAGE_FILE, "must be the name of a .png, .jpg or .webp file in the same directory (no folders)")
      .optional(),
    /** What an imported source carried that the catalog does not use, kept to be written back on export. */
    extensions: z
      .record(z.string(), z.unknown(), { error: "must be a mapping of name: value" })
      .refine(
        (v) => JSON.stringify(v).length <= EXTENSIONS_MAX,
        `must be at most ${EXTENSIONS_MAX} characters as JSON`,
      )
      .optional(),
  },
  { error: (i) => (i.code === "unrecognized_keys" ? `unknown field(s): ${i.keys.join(", ")}` : undefined) },
);

export type Frontmatter = z.infer<typeof frontmatterSchema>;
/** Kept so older imports still compile; the tiers live in lib/tiers.ts. */
export { TIERS, type Tier } from "@/lib/tiers";

export type Persona = Frontmatter & {
  starters: string[];
  /** The prompt, as markdown. */
  body: string;
  /** Path relative to the content directory, for messages. */
  file: string;
  /** SHA-256 (hex) of the persona-file text this came from: with id and version, names the version. */
  textHash?: string;
};
