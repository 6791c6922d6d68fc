import { z } from "zod";
import { authenticateApiRequest } from "@/lib/api/auth";
import { preflight, withCors } from "@/lib/api/cors";
import { openAiError } from "@/lib/api/errors";
import { modelInfo } from "@/lib/api/models";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { getCatalog } from "@/lib/personas";

export const dynamic = "force-dynamic";

/** GET /v1/models/{id} — one persona the key's owner may chat with (the SDKs' `models.retrieve`). */
const retrieve = route(
  { crossSite: true, onError: openAiError, params: z.object({ id: z.string().min(1).max(200) }) },
  async ({ request, params }) => {
    const caller = await authenticateApiRequest({ db: getDb(), request });
    const model = modelInfo(getCatalog(), caller.tier, params.id);
    return Response.json(model, { headers: { "Cache-Control": "no-store" } });
  },
);

export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  return withCors(request, await retrieve(request, context));
}

export function OPTIONS(request: Request) {
  return preflight(request, "GET");
}
