import { frontmatterSchema, type Persona } from "@/lib/personas/schema";
import { isRecord } from "./normalise";
import type { PersonaDraft } from "./types";

/** Where an export keeps the persona's fields that a format has no place for. */
export const MARKET_KEY = "persona_market";

export const MARKET_FIELDS = [
  "id",
  "name",
  "description",
  "version",
  "avatar",
  "greeting",
  "category",
  "tags",
  "tier",
  "tools",
  "model",
  "worksWellWith",
  "starters",
  "author",
  "published",
  "featured",
  "checks",
] as const;
export type MarketField = (typeof MARKET_FIELDS)[number];

/** The persona's values of `fields` (those it has), for a format's extension block. */
export function marketFields(persona: Persona, fields: readonly MarketField[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) if (persona[field] !== undefined) out[field] = persona[field];
  return out;
}

/**
 * Reads an extension block back into a draft: each value is checked with the persona schema's
 * own rule, and one that fails it is left out (and noted), never trusted as it is.
 */
export function applyMarketFields(draft: PersonaDraft, block: unknown): void {
  if (!isRecord(block)) return;
  const target = draft as Record<string, unknown>;
  for (const field of MARKET_FIELDS) {
    if (!(field in block)) continue;
    const parsed = frontmatterSchema.shape[field].safeParse(block[field]);
    if (parsed.success && parsed.data !== undefined) target[field] = parsed.data;
    else draft.notes.push(`${MARKET_KEY}.${field} ignored: ${parsed.error?.issues[0]?.message ?? "empty"}`);
  }
}
