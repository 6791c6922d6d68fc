import type { Catalog } from "@/lib/personas/catalog";
import type { Persona } from "@/lib/personas/schema";
import { mayChat, TIER_LABELS } from "@/lib/tiers";
import type { ChatActor } from "@/lib/auth/actor";

/** What the chat page's client part gets of a persona: no prompt, and which hand-offs are locked. */
export type ChatPersona = {
  id: string;
  name: string;
  avatar: string;
  starters: string[];
  /** locked: the viewer's plan does not include it (tierLabel says which plan does). */
  worksWellWith: { id: string; name: string; avatar: string; locked: boolean; tierLabel: string }[];
};

export function chatPersona({
  persona,
  catalog,
  actor,
}: {
  persona: Persona;
  catalog: Catalog;
  actor: Pick<ChatActor, "kind" | "tier">;
}): ChatPersona {
  return {
    id: persona.id,
    name: persona.name,
    avatar: persona.avatar,
    starters: persona.starters,
    worksWellWith: persona.worksWellWith.flatMap((w) => {
      const p = catalog.byId.get(w);
      return p
        ? [
            {
              id: p.id,
              name: p.name,
              avatar: p.avatar,
              locked: !mayChat(actor, p.tier),
              tierLabel: TIER_LABELS[p.tier],
            },
          ]
        : [];
    }),
  };
}
