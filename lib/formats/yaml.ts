import matter from "gray-matter";
import yaml from "js-yaml";

/**
 * YAML as people write it. js-yaml escapes characters beyond the BMP ("\U0001F6E1"), which
 * makes an emoji unreadable in a reviewed file: those escapes are turned back into the characters
 * (only inside double-quoted scalars, the one place it writes them; an escaped backslash is kept).
 */
export function dumpYaml(value: Record<string, unknown>): string {
  const text = yaml.safeDump(value, { lineWidth: -1, noRefs: true, skipInvalid: true });
  return text.replace(/(?<!\\)((?:\\\\)*)\\U([0-9A-Fa-f]{8})/g, (_m, slashes: string, hex: string) => {
    const code = Number.parseInt(hex, 16);
    return slashes + (code <= 0x10ffff ? String.fromCodePoint(code) : `\\U${hex}`);
  });
}

/** A markdown file with a YAML front matter block. */
export function frontmatterFile(data: Record<string, unknown>, body: string): string {
  return `---\n${dumpYaml(data)}---\n\n${body.trim()}\n`;
}

/** Front matter and body, read the way the catalog reads persona files (YAML core schema: dates stay text). */
export function readFrontmatterFile(text: string): { data: unknown; body: string } {
  const { data, content } = matter(text, {
    engines: { yaml: (s) => yaml.safeLoad(s, { schema: yaml.CORE_SCHEMA }) as object },
  });
  return { data, body: content };
}
