import { LineCounter, parseDocument, isMap, isScalar, type Node } from "yaml";
import { crossCheck } from "@/lib/personas/load";
import { parsePersonaFile } from "@/lib/personas/parse";
import type { ContentProblem } from "@/lib/personas/problems";
import type { Persona } from "@/lib/personas/schema";
import type { ReviewFinding } from "./types";

/**
 * Every rule `npm run content:check` applies to one file, by the same code: UTF-8, front matter,
 * the schema (every field and its size), the id matching the file name, a non-empty body, and
 * worksWellWith naming personas that exist (`knownIds`) — each a refusal, as it would fail the
 * build. The picture-beside-the-file rule is left out: a creator's picture is an upload, checked
 * by lib/creators/picture.ts.
 */
export function checkContent(input: { fileName: string; text: string; knownIds: ReadonlySet<string> }): {
  persona: Persona | undefined;
  findings: ReviewFinding[];
} {
  const parsed = parsePersonaFile(input.fileName, Buffer.from(input.text, "utf8"));
  const problems: ContentProblem[] = parsed.persona
    ? crossCheck([parsed.persona], [...input.knownIds])
    : parsed.problems;
  const lines = problems.length ? fieldLines(input.text) : () => undefined;
  const findings = problems.map((p): ReviewFinding => {
    const line = lines(p.field) ?? yamlErrorLine(p.reason);
    return {
      rule: "content-check",
      level: "refuse",
      message: sentence(describeField(p.field), p.reason),
      field: p.field,
      ...(line !== undefined && { line }),
    };
  });
  return { persona: problems.length ? undefined : parsed.persona, findings };
}

/** "The field "name" must be …" reads on; "Entry 1 of "tags": no persona has …" needs a colon. */
function sentence(subject: string, reason: string): string {
  const joined = /^(must|is|are|does|has|cannot|contains)\b/.test(reason)
    ? `${subject} ${reason}`
    : `${subject}: ${reason}`;
  return /[.!?]$/.test(joined) ? joined : `${joined}.`;
}

function describeField(field: string): string {
  if (field === "(file)") return "The file";
  if (field === "(frontmatter)") return "The front matter";
  if (field === "body") return "The prompt (the text after the front matter)";
  const [name, index] = field.split(".");
  return index === undefined ? `The field "${name}"` : `Entry ${Number(index) + 1} of "${name}"`;
}

/** js-yaml's own position, which counts from the line after the opening `---` — the file's line. */
const yamlErrorLine = (reason: string) => {
  const m = /\(line (\d+), column \d+\)/.exec(reason);
  return m ? Number(m[1]) : undefined;
};

/** The file line of a field such as `tags.3`: its value, else its key; undefined if it is not written. */
function fieldLines(text: string): (field: string) => number | undefined {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\n---/.exec(text);
  if (!match) return () => undefined;
  const lineCounter = new LineCounter();
  // A leading newline stands for the `---` line, so the YAML's lines are the file's lines.
  const doc = parseDocument(`\n${match[1]}`, { lineCounter, uniqueKeys: false });
  const at = (node: Node | null | undefined) =>
    node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  return (field) => {
    if (field.startsWith("(") || !isMap(doc.contents)) return undefined;
    const path = field.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    const value = doc.getIn(path, true);
    if (value && typeof value === "object" && "range" in value) return at(value as Node);
    const key = doc.contents.items.find((pair) => isScalar(pair.key) && pair.key.value === path[0]);
    return key && isScalar(key.key) ? at(key.key) : undefined;
  };
}
