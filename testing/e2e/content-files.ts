import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";

/**
 * The catalog as the content files state it, read independently of the app's loader so the
 * specs check the app against the source of truth rather than against itself.
 */
const CONTENT_DIR = path.resolve(import.meta.dirname, "../../content/personas");

export type Tier = "free" | "pro" | "max";

export type PersonaFile = {
  id: string;
  name: string;
  description: string;
  greeting: string;
  category: string;
  tier: Tier;
  tags: string[];
  tools: string[];
  model: string;
  version: string;
  starters: string[];
  worksWellWith: string[];
  body: string;
};

export const CATEGORY_LABELS: Record<string, string> = {
  development: "Development",
  data: "Data",
  design: "Design",
  product: "Product",
  writing: "Writing",
  business: "Business",
  security: "Security",
  education: "Education",
};

export const TIER_LABELS: Record<Tier, string> = { free: "Free", pro: "Pro", max: "Max" };

let cache: PersonaFile[] | undefined;

export function personaFiles(): PersonaFile[] {
  cache ??= fs
    .readdirSync(CONTENT_DIR)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => {
      const { data, content } = matter(fs.readFileSync(path.join(CONTENT_DIR, name), "utf8"), {
        language: "yaml",
      });
      return {
        id: String(data.id),
        name: String(data.name),
        description: String(data.description),
        greeting: String(data.greeting),
        category: String(data.category),
        tier: data.tier as Tier,
        tags: (data.tags as string[]) ?? [],
        tools: (data.tools as string[]) ?? [],
        model: String(data.model),
        version: String(data.version),
        starters: (data.starters as string[] | undefined) ?? [],
        worksWellWith: (data.worksWellWith as string[] | undefined) ?? [],
        body: content,
      };
    });
  return cache;
}

export function personaFile(id: string): PersonaFile {
  const found = personaFiles().find((p) => p.id === id);
  if (!found) throw new Error(`No content file for persona "${id}"`);
  return found;
}

export function countBy(predicate: (p: PersonaFile) => boolean): number {
  return personaFiles().filter(predicate).length;
}

/** A body's lines outside code fences. */
function bodyLines(id: string): string[] {
  let fence = false;
  const lines: string[] = [];
  for (const line of personaFile(id).body.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) {
      fence = !fence;
      continue;
    }
    if (!fence) lines.push(line);
  }
  return lines;
}

/** What the persona's frontmatter shows anyway: a body line repeating it is no secret. */
const publicText = (p: PersonaFile) => [p.name, p.description, p.greeting, ...p.starters].join("\n");

/**
 * Distinctive plain-text runs from every part of a persona's body (the intro and each section;
 * a locked persona reveals none of it), the first from the intro. Only letters, digits, spaces and
 * simple punctuation, so a run appears verbatim in rendered text, in HTML (nothing to escape) and
 * in the RSC payload. `count` keeps the first few.
 */
export function lockedSentences(id: string, count = Infinity): string[] {
  const open = publicText(personaFile(id));
  const found: string[] = [];
  for (const line of bodyLines(id)) {
    if (/^\s*(#|\|)/.test(line)) continue;
    // A list marker ("1. ", "- ") is not part of the rendered text.
    const runs =
      line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, "").match(/[A-Za-z0-9][A-Za-z0-9 ,;.-]{38,}[A-Za-z0-9]/g) ??
      [];
    const longest = runs.sort((a, b) => b.length - a.length)[0];
    if (longest && !found.includes(longest) && !open.includes(longest)) found.push(longest);
    if (found.length === count) break;
  }
  if (found.length === 0) throw new Error(`No distinctive body text found in ${id}.md`);
  return found;
}

/** The titles of a body's `##` and `###` sections (outside code fences), markdown marks removed. */
export function sectionTitles(id: string): string[] {
  const titles = bodyLines(id)
    .map((line) => /^ {0,3}#{2,3}\s+(.+?)\s*#*\s*$/.exec(line)?.[1]?.replace(/[*_`]/g, ""))
    .filter((t): t is string => Boolean(t));
  if (titles.length === 0) throw new Error(`No section titles in ${id}.md`);
  return titles;
}

/** Byte sequences left behind when UTF-8 is read as Windows-1252 ("âš™", "ðŸ”", "â€”", "Ã©"). */
export const MOJIBAKE = /ðŸ|âš|â€|Ã[\u0080-\u00BF]|ï¸/;
