import { parse, stringify } from "yaml";
import { bomLength, isEmptyMatter, opensWithFrontmatter, splitFrontmatter } from "@/lib/personas/frontmatter";
import { checkValueDepth, IMPORT_LIMITS, LimitError } from "./limits";

/**
 * YAML as people write it, by the maintained `yaml` package: emoji written as they are, multi-line
 * text as a block, no line folding. Written as YAML 1.1 so that text a 1.1 reader would take for
 * something else (`yes`, `on`, `2026-03-14`, `0755`) is quoted: every reader, old or new, reads
 * back the same strings.
 */
export function dumpYaml(value: Record<string, unknown>): string {
  return stringify(value, { version: "1.1", lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false });
}

/** A markdown file with a YAML front matter block. */
export function frontmatterFile(data: Record<string, unknown>, body: string): string {
  return `---\n${dumpYaml(data)}---\n\n${body.trim()}\n`;
}

/**
 * Front matter and body, split the way the catalog splits persona files and read with the core
 * schema (dates stay text). An imported file may be hostile: aliases and nesting are capped
 * (LimitError), so an alias bomb fails at once instead of expanding to gigabytes.
 */
export function readFrontmatterFile(text: string): { data: unknown; body: string } {
  const bytes = Buffer.from(text, "utf8");
  const start = bomLength(bytes);
  if (!opensWithFrontmatter(bytes, start)) return { data: {}, body: text };
  const { matter, content } = splitFrontmatter(bytes, start);
  if (isEmptyMatter(matter)) return { data: {}, body: content };
  let data: unknown;
  try {
    data = parse(matter, { schema: "core", maxAliasCount: IMPORT_LIMITS.yamlAliases, prettyErrors: false });
  } catch (error) {
    if (error instanceof Error && /alias/i.test(error.message) && /excessive|resource/i.test(error.message))
      throw new LimitError(`more than ${IMPORT_LIMITS.yamlAliases} YAML aliases in the front matter`);
    if (error instanceof RangeError || (error instanceof Error && /call stack/i.test(error.message)))
      throw new LimitError(`front matter nested deeper than ${IMPORT_LIMITS.depth} levels`);
    throw error;
  }
  checkValueDepth(data);
  return { data, body: content };
}
