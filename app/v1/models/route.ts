import { authenticateApiRequest } from "@/lib/api/auth";
import { openAiError } from "@/lib/api/errors";
import { modelList } from "@/lib/api/models";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { getCatalog } from "@/lib/personas";

export const dynamic = "force-dynamic";

/** GET /v1/models — the personas the key's owner may chat with, as OpenAI's model list. */
export const GET = route({ crossSite: true, onError: openAiError }, async ({ request }) => {
  const caller = await authenticateApiRequest({ db: getDb(), request });
  return Response.json(modelList(getCatalog(), caller.tier), { headers: { "Cache-Control": "no-store" } });
});
