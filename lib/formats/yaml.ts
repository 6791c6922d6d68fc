import matter from "gray-matter";
import yaml from "js-yaml";

const PRIVATE_USE = { first: 0xe000, last: 0xf8ff };

/**
 * YAML as people write it. js-yaml 3 counts characters beyond the BMP (most emoji) as
 * unprintable: it would write them as "\U0001F6E1" and every multi-line text holding one as a
 * one-line quoted string. So each such character stands in as a private-use character (which it
 * prints as it is) while dumping, and is put back after.
 */
export function dumpYaml(value: Record<string, unknown>): string {
  const json = JSON.stringify(value);
  const taken = new Set([...json].filter((c) => inRange(c.codePointAt(0)!)));
  const toStandIn = new Map<string, string>();
  let next = PRIVATE_USE.first;
  for (const char of json) {
    if (char.codePointAt(0)! <= 0xffff || toStandIn.has(char)) continue;
    while (taken.has(String.fromCharCode(next))) next++;
    if (next > PRIVATE_USE.last) return yaml.safeDump(value, { lineWidth: -1, noRefs: true }); // escapes, still valid
    toStandIn.set(char, String.fromCharCode(next++));
  }
  const swap = (v: unknown): unknown => {
    if (typeof v === "string") return [...v].map((c) => toStandIn.get(c) ?? c).join("");
    if (Array.isArray(v)) return v.map(swap);
    if (v && typeof v === "object")
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [swap(k), swap(x)]));
    return v;
  };
  const back = new Map([...toStandIn].map(([char, standIn]) => [standIn, char]));
  const text = yaml.safeDump(swap(value), { lineWidth: -1, noRefs: true, skipInvalid: true });
  return [...text].map((c) => back.get(c) ?? c).join("");
}

const inRange = (code: number) => code >= PRIVATE_USE.first && code <= PRIVATE_USE.last;

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
