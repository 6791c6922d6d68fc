import { isUtf8 } from "node:buffer";
import crypto from "node:crypto";
import yaml from "js-yaml";
import { repairMojibake } from "@/lib/text/repair";
import {
  bomLength,
  isEmptyMatter,
  opensWithFrontmatter,
  splitFrontmatter,
  type FrontmatterSplit,
} from "./frontmatter";
import { frontmatterSchema, type Persona } from "./schema";
import type { ContentProblem } from "./problems";

type Parsed = { persona: Persona; problems: [] } | { persona: undefined; problems: ContentProblem[] };

/** Parses one persona file's bytes: UTF-8 check -> frontmatter split -> YAML -> text repair -> zod -> file checks. */
export function parsePersonaFile(file: string, bytes: Buffer): Parsed {
  const fail = (field: string, reason: string): Parsed => ({
    persona: undefined,
    problems: [{ file, field, reason }],
  });

  const badByte = firstInvalidUtf8Byte(bytes);
  if (badByte !== undefined) {
    return fail(
      "(file)",
      `is not valid UTF-8 (bad byte 0x${bytes[badByte]!.toString(16)} at offset ${badByte})`,
    );
  }
  const start = bomLength(bytes);
  if (!opensWithFrontmatter(bytes, start))
    return fail("(frontmatter)", "missing: the file must start with a --- YAML block");

  const split = splitFrontmatter(bytes, start);
  const { matter } = split;
  let data: unknown;
  try {
    // The core schema keeps dates as written ("2026-02-30" is refused, not shifted to March 2).
    data = isEmptyMatter(matter) ? {} : yaml.safeLoad(matter, { schema: yaml.CORE_SCHEMA });
  } catch (error) {
    return fail("(frontmatter)", `malformed YAML: ${yamlReason(error)}`);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return fail("(frontmatter)", "must be a YAML mapping of field: value");
  }

  const result = frontmatterSchema.safeParse(repairDeep(data));
  const problems: ContentProblem[] = [];
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path.length ? issue.path.map(String).join(".") : "(frontmatter)";
      problems.push({ file, field, reason: issue.message });
    }
  }
  const body = personaBody(split);
  if (!body) problems.push({ file, field: "body", reason: "must not be empty: it is the persona's prompt" });
  const expectedId = file.replace(/^.*\//, "").replace(/\.md$/, "");
  if (result.success && result.data.id !== expectedId) {
    problems.push({
      file,
      field: "id",
      reason: `"${result.data.id}" does not match the file name (expected "${expectedId}")`,
    });
  }
  if (!result.success || problems.length) return { persona: undefined, problems };
  const checked = freshStrings(result.data);
  const textHash = crypto.createHash("sha256").update(bytes).digest("hex");
  return { persona: { ...checked, starters: checked.starters ?? [], body, file, textHash }, problems: [] };
}

/**
 * A copy of checked frontmatter whose strings stand alone. js-yaml's strings are slices of the
 * header's text, which keep all of it alive, as two bytes a character since the avatar is an
 * emoji; fresh strings are one byte a character where they can be (7 MB less heap at 5,000).
 */
function freshStrings<T extends object>(data: T): T {
  return JSON.parse(JSON.stringify(data)) as T;
}

/** The prompt from the text after the frontmatter: repaired (ASCII has nothing to repair), trimmed. */
const personaBody = ({ content, contentIsAscii }: FrontmatterSplit) =>
  (contentIsAscii ? content : repairMojibake(content)).trim();

/** The body of a file that parsePersonaFile accepted, without parsing its frontmatter again. */
export function bodyOfValidFile(bytes: Buffer): string {
  return personaBody(splitFrontmatter(bytes, bomLength(bytes)));
}

function repairDeep(value: unknown): unknown {
  if (typeof value === "string") return repairMojibake(value);
  if (Array.isArray(value)) return value.map(repairDeep);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, repairDeep(v)]));
  }
  return value;
}

function yamlReason(error: unknown): string {
  if (error && typeof error === "object" && "reason" in error && "mark" in error) {
    const { reason, mark } = error as { reason: string; mark?: { line: number; column: number } };
    return mark ? `${reason} (line ${mark.line + 1}, column ${mark.column + 1})` : reason;
  }
  return error instanceof Error ? error.message.split("\n")[0]! : "could not be parsed";
}

function firstInvalidUtf8Byte(bytes: Buffer): number | undefined {
  if (isUtf8(bytes)) return undefined;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return undefined;
  } catch {
    const roundTrip = Buffer.from(bytes.toString("utf8"), "utf8");
    let i = 0;
    while (i < bytes.length && bytes[i] === roundTrip[i]) i++;
    return Math.min(i, bytes.length - 1);
  }
}
