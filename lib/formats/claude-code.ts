import { IMAGE_FILE, MODELS, type Persona } from "@/lib/personas/schema";
import { applyMarketFields, MARKET_FIELDS, marketFields, type MarketField } from "./market-fields";
import { collapseSpace, isRecord, stringOr } from "./normalise";
import { LimitError } from "./limits";
import { nameFromId } from "./names";
import { taglineFrom } from "./tagline";
import { frontmatterFile, readFrontmatterFile } from "./yaml";
import { malformed, type Model, type PersonaDraft, type ReadResult } from "./types";

/**
 * Claude Code agent files (`.claude/agents/*.md`): front matter `name` (a kebab id), `description`,
 * `tools` (a comma list or a YAML list), `model`; the body is the system prompt. Persona Market
 * writes its other fields as extra front matter (`displayName`, `greeting`, ...), and reads them back.
 * Keys neither knows (`color`, ...) are kept under `extensions.claude_code`.
 */
export const CLAUDE_CODE_KEY = "claude_code";

const OWN_KEYS = ["name", "description", "tools", "model"] as const;
/** Persona fields written as extra front matter on export; `name` is the id there, so the name is `displayName`. */
const EXTRA_FIELDS = MARKET_FIELDS.filter(
  (f): f is Exclude<MarketField, "id" | "name" | "description" | "tools" | "model"> =>
    !["id", "name", "description", "tools", "model"].includes(f),
);

export function looksLikeClaudeCode(text: string): boolean {
  return /^---\r?\n/.test(text);
}

export function readClaudeCode(text: string): ReadResult {
  let data: unknown;
  let body: string;
  const notes: string[] = [];
  try {
    ({ data, body } = readFrontmatterFile(text));
  } catch (error) {
    if (error instanceof LimitError) return malformed(`refused: ${error.message}`);
    // Agent descriptions often hold an unquoted "user: ..." that YAML refuses, while Claude Code
    // reads them: such a block is read line by line, as `key: rest of the line`.
    const loose = readLooseFrontmatter(text);
    if (!loose) {
      return malformed(
        `malformed YAML front matter: ${error instanceof Error ? error.message.split("\n")[0] : error}`,
      );
    }
    ({ data, body } = loose);
    notes.push("front matter is not valid YAML: read line by line as key: value");
  }
  if (!isRecord(data)) return malformed("the front matter must be a YAML mapping of key: value");
  const name = stringOr(data.name);
  if (!name) return malformed("the front matter has no `name`");
  if (!body.trim()) return malformed("the body (the agent's prompt) is empty");

  const draft: PersonaDraft = { format: "claude-code", name, body: body.trim(), notes };
  // A Persona Market file (its own `id`) or an export of one (`displayName`): `name` is the display name or the id.
  const ownId = stringOr(data.id);
  const displayName = stringOr(data.displayName);
  if (ownId) draft.id = ownId;
  else draft.id = name;
  draft.name = displayName ?? (ownId ? name : nameFromId(name, body));

  const description = stringOr(data.description);
  if (description) {
    const plain = readableDescription(description);
    draft.description = plain;
    // The text as the source wrote it goes back out on export, examples and all.
    if (plain !== description.trim() || plain.length > 300)
      draft.extensions = { [CLAUDE_CODE_KEY]: { description } };
  }
  if ("tools" in data) draft.tools = toolList(data.tools);
  if (typeof data.image === "string" && IMAGE_FILE.test(data.image)) draft.imageFile = data.image;
  const model = typeof data.model === "string" ? data.model.trim().toLowerCase() : undefined;
  if (model && (MODELS as readonly string[]).includes(model)) draft.model = model as Model;
  else if (model) draft.notes.push(`model "${model}" is not sonnet, opus, haiku or inherit: inherit used`);

  applyMarketFields(
    draft,
    Object.fromEntries(EXTRA_FIELDS.filter((f) => f in data).map((f) => [f, data[f]])),
  );
  if (isRecord(data.extensions)) draft.extensions = { ...data.extensions, ...draft.extensions };
  const known = new Set<string>([...OWN_KEYS, ...EXTRA_FIELDS, "id", "displayName", "extensions", "image"]);
  const unknown = Object.fromEntries(Object.entries(data).filter(([k]) => !known.has(k)));
  if (Object.keys(unknown).length) {
    const kept = isRecord(draft.extensions?.[CLAUDE_CODE_KEY]) ? draft.extensions[CLAUDE_CODE_KEY] : {};
    draft.extensions = { ...draft.extensions, [CLAUDE_CODE_KEY]: { ...kept, ...unknown } };
  }
  return { ok: true, draft };
}

/** A persona as a Claude Code agent file. */
export function writeClaudeCode(persona: Persona): string {
  const { [CLAUDE_CODE_KEY]: own, ...otherExtensions } = persona.extensions ?? {};
  const ownKeys = isRecord(own) ? own : {};
  const { description: fullDescription, ...restOwn } = ownKeys;
  const data: Record<string, unknown> = {
    name: persona.id,
    description: typeof fullDescription === "string" ? fullDescription : persona.description,
    ...(persona.tools.length && { tools: persona.tools.join(", ") }),
    model: persona.model,
    displayName: persona.name,
    ...marketFields(persona, EXTRA_FIELDS),
    ...restOwn,
    ...(Object.keys(otherExtensions).length && { extensions: otherExtensions }),
  };
  return frontmatterFile(data, persona.body);
}

/** `key: value` lines (indented lines continue the value before them); undefined if a line is neither. */
function readLooseFrontmatter(text: string): { data: Record<string, unknown>; body: string } | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/.exec(text);
  if (!match) return undefined;
  const data: Record<string, string> = {};
  let last: string | undefined;
  for (const line of match[1]!.split(/\r?\n/)) {
    const entry = /^([A-Za-z_][\w-]*):(?:\s+(.*))?$/.exec(line);
    if (entry) {
      last = entry[1]!;
      data[last] = unquote((entry[2] ?? "").trim());
    } else if (last && (/^\s/.test(line) || line === "")) data[last] += `\n${line.trim()}`;
    else return undefined;
  }
  return { data, body: match[2]! };
}

const unquote = (v: string) => (/^(["']).*\1$/.test(v) ? v.slice(1, -1) : v);

function toolList(value: unknown): string[] {
  const items = typeof value === "string" ? value.split(",") : Array.isArray(value) ? value : [];
  return [
    ...new Set(
      items
        .filter((t): t is string => typeof t === "string")
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * Agent descriptions are written for the model that picks the agent: often long, with
 * `<example>` blocks and literal "\n". What people read is a tagline made from the part before
 * the examples.
 */
function readableDescription(text: string): string {
  const cut = text.replace(/\\n/g, "\n").split(/<example>|\n\s*examples?:/i)[0]!;
  return taglineFrom(collapseSpace(cut.replace(/<\/?[a-z_]+>/gi, " ")));
}
