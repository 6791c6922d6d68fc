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

/**
 * Distinctive plain-text runs from the part of a persona's body that a locked persona must
 * not reveal: body lines after the second `##` heading (the preview shows the intro and the
 * first section). Only letters, digits, spaces and simple punctuation, so the run appears
 * verbatim in rendered text, in HTML (nothing to escape) and in the RSC payload.
 */
export function lockedSentences(id: string, count = 3): string[] {
  const lines = personaFile(id).body.split("\n");
  let fence = false;
  let sections = 0;
  const found: string[] = [];
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) {
      fence = !fence;
      continue;
    }
    if (fence) continue;
    if (/^##\s/.test(line)) {
      sections++;
      continue;
    }
    if (sections < 2 || /^\s*(#|\|)/.test(line)) continue;
    const runs = line.match(/[A-Za-z0-9][A-Za-z0-9 ,;.-]{38,}[A-Za-z0-9]/g) ?? [];
    const longest = runs.sort((a, b) => b.length - a.length)[0];
    if (longest && !found.includes(longest)) found.push(longest);
    if (found.length === count) break;
  }
  if (found.length === 0) throw new Error(`No distinctive locked text found in ${id}.md`);
  return found;
}

/** Byte sequences left behind when UTF-8 is read as Windows-1252 ("âš™", "ðŸ”", "â€”", "Ã©"). */
export const MOJIBAKE = /ðŸ|âš|â€|Ã[\u0080-\u00BF]|ï¸/;
