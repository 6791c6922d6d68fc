import { z } from "zod";
import { TIERS } from "@/lib/tiers";

export const MODELS = ["sonnet", "opus", "haiku", "inherit"] as const;

export const CATEGORIES = {
  development: "Development",
  data: "Data",
  design: "Design",
  product: "Product",
  writing: "Writing",
  business: "Business",
  security: "Security",
  education: "Education",
} as const;
export type Category = keyof typeof CATEGORIES;
const categoryIds = Object.keys(CATEGORIES) as [Category, ...Category[]];

const slug = z
  .string({ error: (i) => (i.input === undefined ? "is required" : "must be text") })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase kebab-case (a-z, 0-9, -)")
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
    tags: list(slug, 12).min(1, "must have at least one tag"),
    tier: z.enum(TIERS, { error: `must be one of: ${TIERS.join(", ")}` }),
    tools: list(text(40), 20),
    model: z.enum(MODELS, { error: `must be one of: ${MODELS.join(", ")}` }),
    worksWellWith: list(personaId, 10),
    starters: list(text(200), 6).optional(),
    author: text(80).optional(),
    published: isoDate.optional(),
    featured: z.boolean({ error: "must be true or false" }).optional(),
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
};
