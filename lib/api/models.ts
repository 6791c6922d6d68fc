import type { Catalog } from "@/lib/personas/catalog";
import { type Tier } from "@/lib/tiers";
import { unlocks } from "@/lib/tiers";
import type { ModelList } from "./schema";

/** The personas a tier may chat with, as OpenAI's model list (model id = persona id). */
export function modelList(catalog: Catalog, tier: Tier): ModelList {
  return {
    object: "list",
    data: catalog.all
      .filter((p) => unlocks(tier, p.tier))
      .map((p) => ({
        id: p.id,
        object: "model",
        created: p.published ? Math.floor(Date.parse(`${p.published}T00:00:00Z`) / 1000) : 0,
        owned_by: p.author ?? "persona-market",
      })),
  };
}
