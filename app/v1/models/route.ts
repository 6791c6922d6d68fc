import { authenticateApiRequest } from "@/lib/api/auth";
import { preflight, withCors } from "@/lib/api/cors";
import { openAiError } from "@/lib/api/errors";
import { modelList } from "@/lib/api/models";
import { getDb } from "@/lib/db/client";
import { getCatalog } from "@/lib/personas";

export const dynamic = "force-dynamic";

/** GET /v1/models — the personas the key's owner may chat with, as OpenAI's model list. */
export async function GET(request: Request) {
  try {
    const caller = await authenticateApiRequest({ db: getDb(), request });
    const list = modelList(getCatalog(), caller.tier);
    return withCors(request, Response.json(list, { headers: { "Cache-Control": "no-store" } }));
  } catch (error) {
    return withCors(request, await openAiError(error));
  }
}

export function OPTIONS(request: Request) {
  return preflight(request, "GET");
}
