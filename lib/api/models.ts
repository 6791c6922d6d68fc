import type { Catalog } from "@/lib/personas/catalog";
import type { Persona } from "@/lib/personas/schema";
import { mayChat, type Tier } from "@/lib/tiers";
import { ApiError } from "./errors";
import type { Model, ModelList } from "./schema";

const asModel = (p: Persona): Model => ({
  id: p.id,
  object: "model",
  created: p.published ? Math.floor(Date.parse(`${p.published}T00:00:00Z`) / 1000) : 0,
  owned_by: p.author ?? "persona-market",
});
import { loggablePath } from "@/lib/http/log-path";

/** The personas a tier may chat with, as OpenAI's model list (model id = persona id). */
export function modelList(catalog: Catalog, tier: Tier): ModelList {
  return {
    object: "list",
    data: catalog.all.filter((p) => mayChat({ kind: "user", tier }, p.tier)).map(asModel),
  };
}

/**
 * One model (`GET /v1/models/{id}`, the SDKs' `models.retrieve`): a persona the tier may chat with.
 * One it may not is a 404 like an unknown one, as OpenAI answers for a model a key cannot use.
 */
export function modelInfo(catalog: Catalog, tier: Tier, id: string): Model {
  const persona = catalog.byId.get(id);
  if (!persona || !mayChat({ kind: "user", tier }, persona.tier)) {
    throw new ApiError(
      "not_found",
      `The model "${id.slice(0, 80)}" does not exist or you do not have access to it. GET /v1/models lists the ones you can use.`,
      "model_not_found",
      "model",
    );
  }
  return asModel(persona);
}

/** Anything else under /v1 is OpenAI's 404, naming what this API has. */
export function unknownApiPath(request: Request): ApiError {
  const { pathname } = new URL(request.url);
  return new ApiError(
    "not_found",
    `There is no ${request.method} ${loggablePath(pathname).slice(0, 100)} here. This API has GET /v1/models, GET /v1/models/{id} and POST /v1/chat/completions.`,
    "unknown_url",
  );
}
