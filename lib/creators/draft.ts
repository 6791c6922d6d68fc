import { z } from "zod";
import { frontmatterFile, readFrontmatterFile } from "@/lib/formats/yaml";
import { CHECKS_MAX, TIERS, type Persona, type Tier } from "@/lib/personas/schema";
import { creatorPersonaId } from "./ids";

/** The prompt's cap: far above any real persona (the catalog's longest is ~12 k), far below the 1 MB form. */
export const BODY_MAX = 60_000;

const capped = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const cappedList = (item: number, max: number) =>
  z.array(capped(item)).max(max, `must have at most ${max} entries`);

/** A check as the editor holds it; the persona file's own rules (a valid pattern...) apply at submit. */
export const draftCheckSchema = z.object({
  message: capped(1000),
  mustContain: cappedList(200, 5),
  mustNotContain: cappedList(200, 5),
});
export type DraftCheck = z.infer<typeof draftCheckSchema>;

/**
 * What the editor saves as the creator types: every field of a persona file, each within a size
 * cap, none required yet (a draft may be half written). Submitting checks it as a persona file.
 */
export const draftFieldsSchema = z.object({
  slug: capped(64),
  name: capped(80),
  description: capped(300),
  avatar: capped(16),
  greeting: capped(2000),
  category: capped(20),
  tags: cappedList(64, 12),
  starters: cappedList(200, 6),
  worksWellWith: cappedList(64, 10),
  model: capped(10),
  tools: cappedList(40, 20),
  version: capped(40),
  changelog: capped(300),
  requestedTier: z.enum(TIERS),
  body: capped(BODY_MAX),
  pictureId: z.string().uuid().nullable(),
  // Defaults to none: a client that predates checks still saves.
  checks: z.array(draftCheckSchema).max(CHECKS_MAX, `must have at most ${CHECKS_MAX} checks`).default([]),
});
export type DraftFields = z.infer<typeof draftFieldsSchema>;

export const EMPTY_DRAFT: DraftFields = {
  slug: "",
  name: "",
  description: "",
  avatar: "🤖",
  greeting: "",
  category: "development",
  tags: [],
  starters: [],
  worksWellWith: [],
  model: "inherit",
  tools: [],
  version: "1.0.0",
  changelog: "",
  requestedTier: "free",
  body: "",
  pictureId: null,
  checks: [],
};

/** A stored draft's fields; anything unreadable (an older shape) falls back to empty fields. */
export function readDraftFields(json: string): DraftFields {
  try {
    const parsed = draftFieldsSchema.partial().safeParse(JSON.parse(json));
    return parsed.success ? { ...EMPTY_DRAFT, ...parsed.data } : EMPTY_DRAFT;
  } catch {
    return EMPTY_DRAFT;
  }
}

/**
 * The persona file a draft makes: the same front matter and body a content file has. The tier is
 * the one the caller decides (free, or a remix's original's, until a moderator sets another).
 */
export function draftToPersonaFile(
  fields: DraftFields,
  { handle, tier, published }: { handle: string; tier: Tier; published: string },
): string {
  const data: Record<string, unknown> = {
    id: creatorPersonaId(handle, fields.slug.trim()),
    name: fields.name.trim(),
    description: fields.description.trim(),
    version: fields.version.trim(),
    avatar: fields.avatar.trim(),
    greeting: fields.greeting.trim(),
    category: fields.category,
    tags: fields.tags,
    tier,
    tools: fields.tools,
    model: fields.model,
    worksWellWith: fields.worksWellWith,
    starters: fields.starters,
    author: handle,
    published,
  };
  const checks = fields.checks.map((c) => ({
    message: c.message.trim(),
    ...(c.mustContain.length && { mustContain: c.mustContain }),
    ...(c.mustNotContain.length && { mustNotContain: c.mustNotContain }),
  }));
  if (checks.length) data.checks = checks;
  return frontmatterFile(data, fields.body);
}

/** The same file with another tier (a moderator's decision), everything else as it was. */
export function withTier(text: string, tier: Tier): string {
  const { data, body } = readFrontmatterFile(text);
  return frontmatterFile({ ...(data as Record<string, unknown>), tier }, body);
}

/** A draft's fields from a persona (a remix, or an imported file), under a new slug. */
export function fieldsFromPersona(
  persona: Pick<
    Persona,
    | "name"
    | "description"
    | "avatar"
    | "greeting"
    | "category"
    | "tags"
    | "starters"
    | "worksWellWith"
    | "model"
    | "tools"
    | "body"
    | "checks"
  >,
  slug: string,
): DraftFields {
  return {
    ...EMPTY_DRAFT,
    slug,
    name: persona.name,
    description: persona.description,
    avatar: persona.avatar,
    greeting: persona.greeting,
    category: persona.category,
    tags: [...persona.tags],
    starters: [...persona.starters],
    worksWellWith: [...persona.worksWellWith],
    model: persona.model,
    tools: [...persona.tools],
    body: persona.body,
    checks: (persona.checks ?? []).map((c) => ({
      message: c.message,
      mustContain: [...(c.mustContain ?? [])],
      mustNotContain: [...(c.mustNotContain ?? [])],
    })),
  };
}
