import type { Catalog } from "@/lib/personas/catalog";
import type { Persona, Tier } from "@/lib/personas/schema";
import { unlocks } from "@/lib/tiers";
import { ApiError } from "./errors";
import type { Model, ModelList } from "./schema";

const asModel = (p: Persona): Model => ({
  id: p.id,
  object: "model",
  created: p.published ? Math.floor(Date.parse(`${p.published}T00:00:00Z`) / 1000) : 0,
  owned_by: p.author ?? "persona-market",
});

/** The personas a tier may chat with, as OpenAI's model list (model id = persona id). */
export function modelList(catalog: Catalog, tier: Tier): ModelList {
  return { object: "list", data: catalog.all.filter((p) => unlocks(tier, p.tier)).map(asModel) };
}

/**
 * One model (`GET /v1/models/{id}`, the SDKs' `models.retrieve`): a persona the tier may chat with.
 * One it may not is a 404 like an unknown one, as OpenAI answers for a model a key cannot use.
 */
export function modelInfo(catalog: Catalog, tier: Tier, id: string): Model {
  const persona = catalog.byId.get(id);
  if (!persona || !unlocks(tier, persona.tier)) {
    throw new ApiError(
      "not_found",
      `The model "${id.slice(0, 80)}" does not exist or you do not have access to it. GET /v1/models lists the ones you can use.`,
      "model_not_found",
      "model",
    );
  }
  return asModel(persona);
}
