import type { Persona } from "@/lib/personas/schema";
import { applyMarketFields, MARKET_KEY, marketFields } from "./market-fields";
import {
  collapseSpace,
  isDate,
  isRecord,
  isSemver,
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
  const text = (field: string) => {
    const v = stringOr(data[field]);
    return v === undefined
      ? undefined
      : resolvePlaceholders(v.replace(/\{\{original\}\}/gi, ""), name).trim() || undefined;
  };

  const parts = PROMPT_FIELDS.map(([field, title]) => ({ title, text: text(field) })).filter((p) => p.text);
  if (parts.length === 0)
    return malformed("the card has no prompt text (description, personality, scenario, system_prompt)");
  // A card with only a description (as Persona Market writes them) keeps it as the body, unchanged.
  const body =
    parts.length === 1 && parts[0]!.title === "Character"
      ? parts[0]!.text!
      : parts.map((p) => `## ${p.title}\n\n${p.text}`).join("\n\n");

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
  if (Object.keys(leftovers).length) extensions[CARD_KEY] = leftovers;
  if (Object.keys(extensions).length) draft.extensions = extensions;
  applyMarketFields(draft, market);
  return { ok: true, draft };
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
] as const;

/** A persona as a V3 card: the prompt is `description` (always sent), the description `creator_notes`. */
export function writeCardV3(persona: Persona): Record<string, unknown> {
  return {
    spec: CARD_SPECS.v3,
    spec_version: "3.0",
    data: {
      ...cardData(persona),
      group_only_greetings: [],
      ...(persona.published && { creation_date: Date.parse(persona.published) / 1000 }),
    },
  };
}

/** The same card for V2 readers (the `chara` chunk of a PNG). */
export function writeCardV2(persona: Persona): Record<string, unknown> {
  return { spec: CARD_SPECS.v2, spec_version: "2.0", data: cardData(persona) };
}

function cardData(persona: Persona) {
  const { [CARD_KEY]: kept, ...extensions } = persona.extensions ?? {};
  return {
    ...(isRecord(kept) ? kept : {}),
    name: persona.name,
    description: persona.body,
    personality: "",
    scenario: "",
    first_mes: persona.greeting,
    mes_example: "",
    creator_notes: persona.description,
    system_prompt: "",
    post_history_instructions: "",
    alternate_greetings:
      isRecord(kept) && Array.isArray(kept.alternate_greetings) ? kept.alternate_greetings : [],
    tags: persona.tags,
    creator: persona.author ?? "",
    character_version: persona.version,
    extensions: { ...extensions, [MARKET_KEY]: marketFields(persona, NOT_IN_CARD) },
  };
}
