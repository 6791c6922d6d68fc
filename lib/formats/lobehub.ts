import { categoryEntry } from "@/lib/personas/categories";
import type { Persona } from "@/lib/personas/schema";
import { applyMarketFields, MARKET_KEY, marketFields } from "./market-fields";
import { collapseSpace, isDate, isEmoji, isRecord, stringList, stringOr } from "./normalise";
import { malformed, type PersonaDraft, type ReadResult } from "./types";

/**
 * LobeHub agent JSON (the lobe-chat-agents index): `identifier`, `meta.{title, description,
 * avatar, tags, category}`, `config.{systemRole, openingMessage, openingQuestions}`, `author`,
 * `createdAt`. Other keys (`homepage`, `config.params`, ...) are kept under `extensions.lobehub`.
 */
export const LOBEHUB_KEY = "lobehub";

export function isLobeHub(value: unknown): boolean {
  return (
    isRecord(value) &&
    isRecord(value.meta) &&
    isRecord(value.config) &&
    ("identifier" in value || "systemRole" in value.config)
  );
}

const TOP = new Set(["identifier", "schemaVersion", "meta", "config", "author", "createdAt", MARKET_KEY]);
const META = new Set(["title", "description", "avatar", "tags", "category"]);
const CONFIG = new Set(["systemRole", "openingMessage", "openingQuestions"]);

export function readLobeHub(value: unknown): ReadResult {
  if (!isRecord(value) || !isRecord(value.meta) || !isRecord(value.config))
    return malformed("a LobeHub agent needs `meta` and `config` objects");
  const { meta, config } = value;
  const title = stringOr(meta.title);
  if (!title) return malformed("the agent has no `meta.title`");
  const systemRole = stringOr(config.systemRole);
  if (!systemRole) return malformed("the agent has no `config.systemRole` (its prompt)");

  const draft: PersonaDraft = {
    format: "lobehub",
    name: collapseSpace(title),
    body: systemRole.trim(),
    notes: [],
  };
  const identifier = stringOr(value.identifier);
  if (identifier) draft.id = identifier;
  const description = stringOr(meta.description);
  if (description) draft.description = description;
  if (isEmoji(meta.avatar)) draft.avatar = (meta.avatar as string).trim();
  else if (stringOr(meta.avatar))
    draft.notes.push(
      "meta.avatar is not an emoji (a picture address is not fetched): emoji by category used",
    );
  draft.tags = stringList(meta.tags);
  const category = stringOr(meta.category);
  if (category) draft.sourceCategory = category;
  const greeting = stringOr(config.openingMessage);
  if (greeting) draft.greeting = greeting;
  if ("openingQuestions" in config) draft.starters = stringList(config.openingQuestions);
  const author = stringOr(value.author);
  if (author) draft.author = collapseSpace(author);
  const created = stringOr(value.createdAt)?.slice(0, 10);
  if (created && isDate(created)) draft.published = created;

  const rest = {
    ...pick(value, (k) => !TOP.has(k)),
    ...(has(meta, META) && { meta: pick(meta, (k) => !META.has(k)) }),
    ...(has(config, CONFIG) && { config: pick(config, (k) => !CONFIG.has(k)) }),
  };
  if (Object.keys(rest).length) draft.extensions = { [LOBEHUB_KEY]: rest };
  if (isRecord(value[MARKET_KEY])) {
    const { extensions, ...fields } = value[MARKET_KEY];
    applyMarketFields(draft, fields);
    if (isRecord(extensions)) draft.extensions = { ...extensions, ...draft.extensions };
  }
  return { ok: true, draft };
}

const pick = (obj: Record<string, unknown>, keep: (k: string) => boolean) =>
  Object.fromEntries(Object.entries(obj).filter(([k]) => keep(k)));
const has = (obj: Record<string, unknown>, known: Set<string>) => Object.keys(obj).some((k) => !known.has(k));

/** Persona fields with no place in a LobeHub agent, kept under `persona_market`. */
const NOT_IN_LOBEHUB = [
  "id",
  "category",
  "version",
  "tier",
  "tools",
  "model",
  "worksWellWith",
  "featured",
  "checks",
] as const;

export function writeLobeHub(persona: Persona): Record<string, unknown> {
  const { [LOBEHUB_KEY]: kept, ...extensions } = persona.extensions ?? {};
  const own = isRecord(kept) ? kept : {};
  const ownMeta = isRecord(own.meta) ? own.meta : {};
  const ownConfig = isRecord(own.config) ? own.config : {};
  return {
    ...own,
    identifier: persona.id,
    schemaVersion: own.schemaVersion ?? 1,
    ...(persona.author && { author: persona.author }),
    ...(persona.published && { createdAt: persona.published }),
    meta: {
      ...ownMeta,
      title: persona.name,
      description: persona.description,
      avatar: persona.avatar,
      tags: persona.tags,
      category: categoryEntry(persona.category)?.lobehub ?? "general",
    },
    config: {
      ...ownConfig,
      systemRole: persona.body,
      openingMessage: persona.greeting,
      openingQuestions: persona.starters,
    },
    [MARKET_KEY]: {
      ...marketFields(persona, NOT_IN_LOBEHUB),
      ...(Object.keys(extensions).length && { extensions }),
    },
  };
}
