import type { Catalog } from "@/lib/personas/catalog";
import { mayChat, type Tier } from "@/lib/tiers";
import { ApiError } from "./errors";
import type { ModelList } from "./schema";
import { loggablePath } from "@/lib/http/log-path";

/** The personas a tier may chat with, as OpenAI's model list (model id = persona id). */
export function modelList(catalog: Catalog, tier: Tier): ModelList {
  return {
    object: "list",
    data: catalog.all
      .filter((p) => mayChat({ kind: "user", tier }, p.tier))
      .map((p) => ({
        id: p.id,
        object: "model",
        created: p.published ? Math.floor(Date.parse(`${p.published}T00:00:00Z`) / 1000) : 0,
        owned_by: p.author ?? "persona-market",
      })),
  };
}

/** Anything else under /v1 is OpenAI's 404, naming what this API has. */
export function unknownApiPath(request: Request): ApiError {
  const { pathname } = new URL(request.url);
  return new ApiError(
    "not_found",
    `There is no ${request.method} ${loggablePath(pathname).slice(0, 100)} here. This API has GET /v1/models and POST /v1/chat/completions.`,
    "unknown_url",
  );
}
