import type { Persona } from "@/lib/personas/schema";
import { applyMarketFields, MARKET_KEY, marketFields } from "./market-fields";
import {
  collapseSpace,
  isDate,
  isRecord,
  isSemver,
  normaliseTags,
  resolvePlaceholders,
  stringList,
  stringOr,
} from "./normalise";
import { malformed, unrecognised, type PersonaDraft, type ReadResult } from "./types";

/**
 * Character Card V2 (`chara_card_v2`) and V3 (`chara_card_v3`) JSON. The card's `description`,
 * `personality`, `scenario`, `system_prompt`, `mes_example` and `post_history_instructions` are
 * prompt text and become the body; `creator_notes` is what people read (the description);
 * `first_mes` is the greeting. Card fields without a persona field (`alternate_greetings`,
 * `character_book`, ...) are kept under `extensions.chara_card`, the card's own `extensions` as they are.
 */
export const CARD_KEY = "chara_card";
export const CARD_SPECS = { v2: "chara_card_v2", v3: "chara_card_v3" } as const;

/** Card fields that carry prompt text, in the order they go into the body, with their section titles. */
const PROMPT_FIELDS = [
  ["system_prompt", "Instructions"],
  ["description", "Character"],
  ["personality", "Personality"],
  ["scenario", "Scenario"],
  ["mes_example", "Example dialogue"],
  ["post_history_instructions", "Instructions after the conversation"],
] as const;

/** Fields of `data` this reader uses; any other is kept under extensions.chara_card. */
const MAPPED = new Set([
  ...PROMPT_FIELDS.map(([f]) => f),
  "name",
  "creator_notes",
  "first_mes",
  "tags",
  "creator",
  "character_version",
  "extensions",
  "creation_date",
  "modification_date",
  "assets",
  "creator_notes_multilingual",
]);

export function isCardJson(value: unknown): boolean {
  return isRecord(value) && typeof value.spec === "string" && value.spec.startsWith("chara_card");
}

export function readCardJson(
  value: unknown,
  format: "card-v2" | "card-v3" | "card-png" | "charx" = "card-v3",
): ReadResult {
  if (!isRecord(value)) return unrecognised("not a JSON object");
  const spec = value.spec;
  if (spec !== CARD_SPECS.v2 && spec !== CARD_SPECS.v3) {
    return malformed(
      typeof spec === "string"
        ? `unsupported card spec "${spec.slice(0, 40)}" (expected chara_card_v2 or chara_card_v3)`
        : "a character card needs `spec` (chara_card_v2 or chara_card_v3)",
    );
  }
  const data = value.data;
  if (!isRecord(data)) return malformed(`a ${spec} card needs a \`data\` object`);
  const rawName = stringOr(data.name);
  if (!rawName) return malformed("the card has no `data.name`");
  const name = collapseSpace(rawName);
  const text = (field: string) => cardText(data[field], name);
  const body = cardBody(data, name);
  if (!body)
    return malformed("the card has no prompt text (description, personality, scenario, system_prompt)");

  const draft: PersonaDraft = {
    format: format === "card-v3" && spec === CARD_SPECS.v2 ? "card-v2" : format,
    name,
    body,
    greeting: text("first_mes"),
    tags: stringList(data.tags),
    notes: [],
  };
  const notes = text("creator_notes");
  if (notes) draft.description = notes;
  const author = stringOr(data.creator);
  if (author) draft.author = collapseSpace(author);
  if (isSemver(data.character_version)) draft.version = data.character_version as string;
  else if (stringOr(data.character_version))
    draft.notes.push(
      `character_version "${String(data.character_version).slice(0, 20)}" is not a semantic version: 1.0.0 used`,
    );
  if (typeof data.creation_date === "number" && Number.isFinite(data.creation_date)) {
    const day = new Date(data.creation_date * 1000).toISOString().slice(0, 10);
    if (isDate(day)) draft.published = day;
  }
  if (
    /\{\{\s*user\s*\}\}|<user>/i.test(
      JSON.stringify([data.first_mes, ...PROMPT_FIELDS.map(([f]) => data[f])]),
    )
  ) {
    draft.notes.push('{{user}} written as "you", {{char}} as the name');
  }

  const extensions: Record<string, unknown> = isRecord(data.extensions) ? { ...data.extensions } : {};
  const market = extensions[MARKET_KEY];
  delete extensions[MARKET_KEY];
  const leftovers = Object.fromEntries(
    Object.entries(data).filter(([k, v]) => !MAPPED.has(k) && !isEmpty(v)),
  );
  // A Persona Market export carries the fields it kept apart (if any) in its own block.
  const fields = !isRecord(market)
    ? keptFields(data)
    : isRecord(market[KEPT_FLAG])
      ? market[KEPT_FLAG]
      : undefined;
  if (fields && JSON.stringify(fields).length <= KEPT_MAX) leftovers[KEPT] = fields;
  else if (fields) draft.notes.push("card fields too long to keep apart: exported as one description");
  if (Object.keys(leftovers).length) extensions[CARD_KEY] = leftovers;
  if (Object.keys(extensions).length) draft.extensions = extensions;
  applyMarketFields(draft, market);
  return { ok: true, draft };
}

/** A card text field as persona text: placeholders resolved, `{{original}}` dropped; undefined when empty. */
function cardText(value: unknown, name: string): string | undefined {
  const v = stringOr(value);
  return v === undefined
    ? undefined
    : resolvePlaceholders(v.replace(/\{\{original\}\}/gi, ""), name).trim() || undefined;
}

/** The persona's prompt from a card's prompt fields: one `##` section each (a lone description as it is). */
function cardBody(data: Record<string, unknown>, name: string): string | undefined {
  const parts = PROMPT_FIELDS.map(([field, title]) => ({ title, text: cardText(data[field], name) })).filter(
    (p) => p.text,
  );
  if (parts.length === 0) return undefined;
  // A card with only a description (as Persona Market writes them) keeps it as the body, unchanged.
  return parts.length === 1 && parts[0]!.title === "Character"
    ? parts[0]!.text!
    : parts.map((p) => `## ${p.title}\n\n${p.text}`).join("\n\n");
}

/**
 * The card's own fields as it wrote them (placeholders and all), kept under
 * `extensions.chara_card.fields` so an export gives them back field by field while the persona's
 * prompt, greeting, description, tags and version are still what the import made of them.
 */
const KEPT = "fields";
const KEPT_FLAG = "cardFields";
const KEPT_MAX = 40 * 1024;
const KEPT_FIELDS = [
  ...PROMPT_FIELDS.map(([f]) => f),
  "first_mes",
  "creator_notes",
  "character_version",
  "tags",
  "creation_date",
  "modification_date",
] as const;

function keptFields(data: Record<string, unknown>): Record<string, unknown> | undefined {
  const kept = Object.fromEntries(KEPT_FIELDS.filter((f) => data[f] !== undefined).map((f) => [f, data[f]]));
  return Object.keys(kept).length ? kept : undefined;
}

/**
 * The card fields to write for a persona: each kept original whose persona value is still what the
 * import made of it; a field edited since then is written from the persona.
 */
function fieldsFor(persona: Persona, kept: Record<string, unknown>): Record<string, unknown> {
  const name = persona.name;
  const out: Record<string, unknown> = {};
  if (cardBody(kept, name)?.trim() === persona.body) {
    for (const [field] of PROMPT_FIELDS) out[field] = kept[field] ?? "";
  }
  if (cardText(kept.first_mes, name) === persona.greeting) out.first_mes = kept.first_mes;
  const notes = cardText(kept.creator_notes, name);
  if (notes && collapseSpace(notes) === persona.description) out.creator_notes = kept.creator_notes;
  const version = isSemver(kept.character_version) ? kept.character_version : "1.0.0";
  if (version === persona.version) out.character_version = kept.character_version;
  if (
    Array.isArray(kept.tags) &&
    JSON.stringify(normaliseTags(kept.tags).tags) === JSON.stringify(persona.tags)
  )
    out.tags = kept.tags;
  if (typeof kept.creation_date === "number" && Number.isFinite(kept.creation_date)) {
    const day = new Date(kept.creation_date * 1000).toISOString().slice(0, 10);
    if (day === persona.published) out.creation_date = kept.creation_date;
  }
  if (kept.modification_date !== undefined) out.modification_date = kept.modification_date;
  return out;
}

const isEmpty = (v: unknown) =>
  v === undefined ||
  v === null ||
  v === "" ||
  (Array.isArray(v) && v.length === 0) ||
  (isRecord(v) && Object.keys(v).length === 0);

/** Persona fields with no place in a card, kept under data.extensions.persona_market. */
const NOT_IN_CARD = [
  "id",
  "avatar",
  "category",
  "tier",
  "tools",
  "model",
  "worksWellWith",
  "starters",
  "published",
  "featured",
  "checks",
] as const;

/** A persona as a V3 card: the prompt is `description` (always sent), the description `creator_notes`. */
export function writeCardV3(persona: Persona): Record<string, unknown> {
  return {
    spec: CARD_SPECS.v3,
    spec_version: "3.0",
    data: {
      group_only_greetings: [],
      ...(persona.published && { creation_date: Date.parse(persona.published) / 1000 }),
      ...cardData(persona),
    },
  };
}

/** The same card for V2 readers (the `chara` chunk of a PNG). */
export function writeCardV2(persona: Persona): Record<string, unknown> {
  return { spec: CARD_SPECS.v2, spec_version: "2.0", data: cardData(persona) };
}

function cardData(persona: Persona) {
  const { [CARD_KEY]: keptBlock, ...extensions } = persona.extensions ?? {};
  const { [KEPT]: fields, ...kept } = isRecord(keptBlock) ? keptBlock : {};
  return {
    ...kept,
    name: persona.name,
    description: persona.body,
    personality: "",
    scenario: "",
    first_mes: persona.greeting,
    mes_example: "",
    creator_notes: persona.description,
    system_prompt: "",
    post_history_instructions: "",
    alternate_greetings: Array.isArray(kept.alternate_greetings) ? kept.alternate_greetings : [],
    tags: persona.tags,
    creator: persona.author ?? "",
    character_version: persona.version,
    extensions: {
      ...extensions,
      [MARKET_KEY]: {
        ...marketFields(persona, NOT_IN_CARD),
        ...(isRecord(fields) && { [KEPT_FLAG]: fields }),
      },
    },
    ...(isRecord(fields) && fieldsFor(persona, fields)),
  };
}
