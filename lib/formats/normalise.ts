import { frontmatterSchema, TAG_PATTERN } from "@/lib/personas/schema";

/** Lowercase kebab-case from any text ("Code Reviewer!" -> "code-reviewer"), at most `max` characters. */
export function toKebab(text: string, max = 64): string {
  const kebab = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return kebab.slice(0, max).replace(/-+$/, "");
}

/**
 * A tag in its one word-joined form, in any script: "Airship Crew" -> "airship-crew", "角色扮演"
 * stays, "C++" -> "c-plus-plus". Empty when nothing of it is a letter or a digit.
 */
export function toTag(text: string): string {
  const tag = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\+\+/g, "-plus-plus")
    .replace(/#(?=\s|$)/g, "-sharp")
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, "-")
    .replace(/^[-\p{M}]+|-+$/gu, "")
    .replace(/-+\p{M}+/gu, "-");
  // Titlecase letters (ǅ) and the like have no lowercase form in the pattern: spelled in parts.
  const clean = [...tag].filter((c) => /[\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}-]/u.test(c)).join("");
  return clean.slice(0, 64).replace(/-+$/, "");
}

/** Tags as the catalog wants them (unique, at most 12), and what was left out and why. */
export function normaliseTags(tags: readonly unknown[]): { tags: string[]; dropped: string[] } {
  const out: string[] = [];
  const dropped: string[] = [];
  for (const tag of tags) {
    if (typeof tag !== "string" || !tag.trim()) continue;
    const word = toTag(tag);
    if (!word || !TAG_PATTERN.test(word)) dropped.push(`"${tag}" (no letters or digits)`);
    else if (out.includes(word)) continue;
    else if (out.length === 12) dropped.push(`"${tag}" (more than 12 tags)`);
    else out.push(word);
  }
  return { tags: out, dropped };
}

export const collapseSpace = (text: string) => text.replace(/\s+/g, " ").trim();

/** At most `max` characters, cut at a word boundary with an ellipsis when it had to be cut. */
export function clip(text: string, max: number): { text: string; clipped: boolean } {
  const trimmed = text.trim();
  if (trimmed.length <= max) return { text: trimmed, clipped: false };
  const cut = trimmed.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return { text: (space > max / 2 ? cut.slice(0, space) : cut).trimEnd() + "…", clipped: true };
}

/** The first sentence (or line) of some text: a description for a source that has none. */
export function firstSentence(text: string): string {
  const plain = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#") && !l.startsWith("```") && !l.startsWith("|"))
    .join(" ")
    .replace(/[*_`>]/g, "");
  const match = /^(.+?[.!?])(\s|$)/.exec(plain);
  return collapseSpace(match ? match[1]! : plain);
}

/**
 * Character cards write `{{char}}`/`<BOT>` for the character's name and `{{user}}`/`<USER>` for
 * the person chatting (case-insensitive). A persona's text has no placeholders: the name goes in,
 * and the person is "you".
 */
export function resolvePlaceholders(text: string, name: string): string {
  return text
    .replace(/^(\s*)(?:\{\{\s*user\s*\}\}|<user>):/gim, "$1User:") // a speaker in example dialogue
    .replace(/\{\{\s*char\s*\}\}|<bot>/gi, name)
    .replace(/\{\{\s*user\s*\}\}|<user>/gi, "you");
}

export const isEmoji = (value: unknown) => frontmatterSchema.shape.avatar.safeParse(value).success;
export const isSemver = (value: unknown) => frontmatterSchema.shape.version.safeParse(value).success;
export const isDate = (value: unknown) => frontmatterSchema.shape.published.safeParse(value).success;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export const stringOr = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() ? value : undefined;

export const stringList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string" && v.trim() !== "") : [];
