import { estimatePromptTokens } from "./prompt-size";
import type { Persona } from "./schema";

/** The picture's address; the version in it makes a changed picture a new address for caches. */
export const personaImageUrl = (p: Persona) =>
  p.image ? `/personas/${p.id}/image?v=${encodeURIComponent(p.version)}` : null;

/** What lists (gallery cards, the JSON API) may show of a persona: never its body. */
export type PersonaSummary = Pick<
  Persona,
  "id" | "name" | "description" | "avatar" | "category" | "tags" | "tier" | "version" | "model"
> & {
  published: string | null;
  featured: boolean;
  /** The persona's picture (shown instead of the emoji), or null when it has none. */
  imageUrl: string | null;
  /** The prompt's estimated size in tokens. */
  promptTokens: number;
};

export function toSummary(p: Persona): PersonaSummary {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    avatar: p.avatar,
    category: p.category,
    tags: p.tags,
    tier: p.tier,
    version: p.version,
    model: p.model,
    published: p.published ?? null,
    featured: p.featured ?? false,
    imageUrl: personaImageUrl(p),
    promptTokens: estimatePromptTokens(p.body),
  };
}
