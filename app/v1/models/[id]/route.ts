import { z } from "zod";
import { authenticateApiRequest } from "@/lib/api/auth";
import { preflight, withCors } from "@/lib/api/cors";
import { ApiError, openAiError } from "@/lib/api/errors";
import { modelInfo } from "@/lib/api/models";
import { getDb } from "@/lib/db/client";
import { getCatalog } from "@/lib/personas";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1).max(200) });

/** GET /v1/models/{id} — one persona the key's owner may chat with (the SDKs' `models.retrieve`). */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const caller = await authenticateApiRequest({ db: getDb(), request });
    const parsed = params.safeParse(await context.params);
    if (!parsed.success)
      throw new ApiError(
        "bad_request",
        "The model id must be 1 to 200 characters.",
        "invalid_request_error",
        "model",
      );
    const model = modelInfo(getCatalog(), caller.tier, parsed.data.id);
    return withCors(request, Response.json(model, { headers: { "Cache-Control": "no-store" } }));
  } catch (error) {
    return withCors(request, await openAiError(error));
  }
}

export function OPTIONS(request: Request) {
  return preflight(request, "GET");
}
