import { categoryEntry } from "@/lib/personas/categories";
import { PERSONA_ID, PERSONA_ID_MAX, type Category } from "@/lib/personas/schema";
import type { Tier } from "@/lib/tiers";
import { inferCategory, mapCategory } from "./category";
import { clip, collapseSpace, firstSentence, isEmoji, isSemver, normaliseTags, toKebab } from "./normalise";
import { greetingFrom } from "./tagline";
import type { PersonaDraft } from "./types";

export type FinishOptions = { tier?: Tier; category?: Category };

/** An emoji for personas whose source has none (the picture, when there is one, shows instead). */
export const categoryEmoji = (category: Category) => categoryEntry(category)?.emoji ?? "🧩";

/** Front matter fields in the order persona files write them. */
export type FinishedPersona = {
  baseId: string;
  data: Record<string, unknown>;
  body: string;
  notes: string[];
};

/**
 * Makes a draft into a persona the catalog accepts: every required field filled (from the source,
 * or generated plainly, and noted), every value within the schema's limits. The id is the base
 * for the runner to make unique.
 */
export function finishDraft(draft: PersonaDraft, options: FinishOptions = {}): FinishedPersona {
  const notes = [...draft.notes];
  const limit = (label: string, text: string, max: number) => {
    const result = clip(text, max);
    if (result.clipped) notes.push(`${label} shortened to ${max} characters`);
    return result.text;
  };
  const name = limit("name", collapseSpace(draft.name), 80);
  // An id the source states that is already a valid persona id (a creator's `<handle>--<slug>` too) is kept as it is.
  const statedId =
    draft.id && PERSONA_ID.test(draft.id) && draft.id.length <= PERSONA_ID_MAX ? draft.id : undefined;
  const baseId = statedId ?? (toKebab(draft.id ?? "") || toKebab(name) || "persona");

  let description = draft.description ? collapseSpace(draft.description) : "";
  if (!description) {
    description = firstSentence(draft.body) || name;
    notes.push("description taken from the prompt's first sentence");
  }
  description = limit("description", description, 300);

  let category: Category;
  if (options.category) category = options.category;
  else if (draft.category) category = draft.category;
  else {
    const inferred = inferCategory({ ...draft, name, description });
    category = inferred.category;
    const source = draft.sourceCategory;
    const from = !source
      ? ""
      : mapCategory(source)
        ? `source category "${source}" weighed in; `
        : `source category "${source}" has no match; `;
    notes.push(
      `category ${category} inferred from the text (${from}${inferred.score ? `score ${inferred.score}` : "no keywords: default"})`,
    );
  }

  const source = normaliseTags(draft.tags ?? []);
  let tags = source.tags;
  if (source.dropped.length) notes.push(`tags left out: ${source.dropped.join(", ")}`);
  if (tags.length === 0) {
    tags = [category];
    notes.push(
      source.dropped.length
        ? `no usable tags: tagged "${category}"`
        : `no tags in the source: tagged "${category}"`,
    );
  }

  let greeting = draft.greeting?.trim();
  if (!greeting) {
    greeting =
      draft.format === "claude-code"
        ? greetingFrom(name, description)
        : `Hi, I'm ${name}. ${description} What would you like to work on?`;
    notes.push("greeting generated from the name and description");
  }
  greeting = limit("greeting", greeting, 2000);

  let starters = draft.starters?.map((s) => clip(collapseSpace(s), 200).text).filter(Boolean);
  if (starters === undefined) {
    starters = [
      "What can you help me with?",
      `How would you approach this as ${name}?`,
      "Where should I start?",
    ];
    notes.push("starters generated");
  } else if (starters.length > 6) {
    notes.push(`${starters.length} starters: the first 6 kept`);
    starters = starters.slice(0, 6);
  }

  const tools = [...new Set((draft.tools ?? []).map((t) => clip(t, 40).text))].slice(0, 20);
  const avatar = draft.avatar && isEmoji(draft.avatar) ? draft.avatar.trim() : categoryEmoji(category);
  const data: Record<string, unknown> = {
    id: baseId,
    name,
    description,
    version: draft.version && isSemver(draft.version) ? draft.version : "1.0.0",
    avatar,
    greeting,
    category,
    tags,
    tier: options.tier ?? draft.tier ?? "free",
    tools,
    model: draft.model ?? "inherit",
    worksWellWith: draft.worksWellWith ?? [],
    starters,
    ...(draft.author && { author: clip(draft.author, 80).text }),
    ...(draft.published && { published: draft.published }),
    ...(draft.featured !== undefined && { featured: draft.featured }),
    ...(draft.checks?.length && { checks: draft.checks }),
    ...(draft.extensions && Object.keys(draft.extensions).length && { extensions: draft.extensions }),
  };
  return { baseId, data, body: draft.body.trim(), notes };
}
