import { authenticateApiRequest } from "@/lib/api/auth";
import { preflight, withCors } from "@/lib/api/cors";
import { openAiError } from "@/lib/api/errors";
import { modelList } from "@/lib/api/models";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { getCatalog } from "@/lib/personas";

export const dynamic = "force-dynamic";

/** GET /v1/models — the personas the key's owner may chat with, as OpenAI's model list. */
const list = route({ crossSite: true, onError: openAiError }, async ({ request }) => {
  const caller = await authenticateApiRequest({ db: getDb(), request });
  return Response.json(modelList(getCatalog(), caller.tier), { headers: { "Cache-Control": "no-store" } });
});

export async function GET(request: Request) {
  return withCors(request, await list(request));
}

export function OPTIONS(request: Request) {
  return preflight(request, "GET");
}
