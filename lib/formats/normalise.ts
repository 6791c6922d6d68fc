import { frontmatterSchema } from "@/lib/personas/schema";

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

/** Tags as the catalog wants them: kebab-case, unique, at most 12, none empty. */
export function normaliseTags(tags: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const tag of tags) {
    if (typeof tag !== "string") continue;
    const kebab = toKebab(tag, 64);
    if (kebab && !out.includes(kebab)) out.push(kebab);
    if (out.length === 12) break;
  }
  return out;
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
