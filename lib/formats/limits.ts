/**
 * What one imported file may cost, whether it comes from `content:import` or a creator's upload:
 * every reader goes through these, so a small hostile file (a zip bomb, a YAML alias bomb, JSON
 * nested 50,000 deep) fails with a plain reason instead of taking the process's memory or stack.
 */
export const IMPORT_LIMITS = {
  /** A source file, as read from disk or uploaded. */
  sourceBytes: 20 * 1024 * 1024,
  /** Entries in a .charx zip (directories included): a card has a handful of assets. */
  zipEntries: 500,
  /** One entry of a .charx, inflated. */
  zipEntryBytes: 20 * 1024 * 1024,
  /** All entries of a .charx together, inflated. */
  zipTotalBytes: 40 * 1024 * 1024,
  /** YAML aliases (`*name`) in one front matter block: real files have none. */
  yamlAliases: 20,
  /** Nesting of JSON arrays and objects (and of YAML): real cards stay under 10. */
  depth: 64,
} as const;

export class LimitError extends Error {}

/**
 * How deeply a JSON text nests, measured without parsing it (so without recursion): each `{` or
 * `[` outside a string opens a level. Throws LimitError past `max`.
 */
export function checkJsonDepth(text: string, max: number = IMPORT_LIMITS.depth): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) throw new LimitError(`nested deeper than ${max} levels`);
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
}

/** JSON.parse behind the depth check: the only way the importer reads JSON. */
export function parseJson(text: string): unknown {
  checkJsonDepth(text);
  return JSON.parse(text);
}

/** How deeply a parsed value nests (walked with a stack of its own, not recursion); throws past `max`. */
export function checkValueDepth(value: unknown, max: number = IMPORT_LIMITS.depth): void {
  const stack: [unknown, number][] = [[value, 0]];
  const seen = new Set<object>();
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (typeof v !== "object" || v === null) continue;
    if (d >= max) throw new LimitError(`nested deeper than ${max} levels`);
    if (seen.has(v)) continue;
    seen.add(v);
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
}
