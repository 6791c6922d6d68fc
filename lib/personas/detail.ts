import { type Tier, unlocks } from "@/lib/tiers";
import type { Catalog } from "./catalog";
import type { Persona } from "./schema";
import { toSummary, type PersonaSummary } from "./summary";

/**
 * A persona as one viewer may see it: the full body only when their tier unlocks it. A locked
 * persona carries nothing of its body but the size estimate every summary has (`promptTokens`).
 */
export type PersonaDetail = PersonaSummary & {
  greeting: string;
  starters: string[];
  tools: string[];
  author: string | null;
  worksWellWith: PersonaSummary[];
  pairedWith: PersonaSummary[];
} & ({ locked: false; body: string } | { locked: true });

export function personaDetail(catalog: Catalog, persona: Persona, viewerTier: Tier | null): PersonaDetail {
  const related = (ids: readonly Persona[]) => ids.map(toSummary);
  const base = {
    ...toSummary(persona),
    greeting: persona.greeting,
    starters: persona.starters,
    tools: persona.tools,
    author: persona.author ?? null,
    worksWellWith: related(persona.worksWellWith.map((id) => catalog.byId.get(id)!).filter(Boolean)),
    pairedWith: related(catalog.pairedBy.get(persona.id) ?? []),
  };
  if (unlocks(viewerTier, persona.tier)) return { ...base, locked: false, body: persona.body };
  return { ...base, locked: true };
}
